"""Writing a part of a load whose ledger is new: blocks and transactions are created with
their relationships in one statement per batch, instead of one upsert and one link query per
relationship kind (five and four statements per batch).

Only sound when none of the part's blocks or transactions exists: `ledger_is_new` checks that
the part's series do not exist yet (a block or transaction is written only after its series),
and the writer falls back to the upserts otherwise, so a re-run or an interrupted load stays
idempotent. Every create statement reports what it made, and a shortfall (a missing series,
issuance, account or block) is an error, never a silently dropped row.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass
from typing import Any

from cypher.store import GraphStore
from seed.graph_links import LinkKind
from seed.graph_payload import GraphPayload

# Statements sent before the first one's answer: one being written, one being encoded.
IN_FLIGHT = 2
# Row fields only the writer uses.
_LOCAL = {"sources", "parent"}


SPLIT_FROM = LinkKind("CreditBlock", "SPLIT_FROM", "CreditBlock")


@dataclass(frozen=True)
class FreshLabel:
    query: str
    # Each relationship kind the create query makes -> the row field with its single target.
    required: dict[LinkKind, str]
    # Kinds a node may lack -> (row field, the result column counting those made).
    optional: dict[LinkKind, tuple[str, str]]


FRESH_LABELS: dict[str, FreshLabel] = {
    "CreditBlock": FreshLabel(
        "create_credit_blocks",
        {
            LinkKind("CreditBlock", "IN_SERIES", "Series"): "series",
            LinkKind("CreditBlock", "ISSUED_BY", "Issuance"): "issuance",
            LinkKind("CreditBlock", "HELD_IN", "Account"): "account",
        },
        # Made by create_credit_block_splits.cypher once every block of the part exists.
        {SPLIT_FROM: ("parent", "linked")},
    ),
    "Transaction": FreshLabel(
        "create_transactions",
        {
            LinkKind("Transaction", "MOVED", "CreditBlock"): "moved",
            LinkKind("Transaction", "TO", "Account"): "to",
        },
        {LinkKind("Transaction", "FROM", "Account"): ("from", "sent")},
    ),
}

# Told of each batch: nodes created, and relationships created per link query name.
BatchDone = Callable[[int, dict[str, int]], None]


class FreshWriteError(RuntimeError):
    """A create statement made fewer nodes or relationships than it was given."""


def is_handled(kind: LinkKind, fresh_labels: set[str]) -> bool:
    """Whether the create path of one of `fresh_labels` makes relationships of `kind`."""
    if kind.from_label not in fresh_labels:
        return False
    fresh = FRESH_LABELS[kind.from_label]
    return kind in fresh.required or kind in fresh.optional


async def ledger_is_new(store: GraphStore, payload: GraphPayload) -> bool:
    """True when the part has blocks or transactions and none of its series exists."""
    if not any(payload.nodes.get(label) for label in FRESH_LABELS):
        return False
    ids = list(payload.nodes.get("Series", {}))
    rows = await store.read("series_existing", {"ids": ids})
    return rows[0]["existing"] == 0


def fresh_rows(payload: GraphPayload, label: str) -> list[dict[str, Any]]:
    """The create query's rows: each node's props and sources with its targets inlined."""
    fresh = FRESH_LABELS[label]
    fields = {**fresh.required, **{kind: name for kind, (name, _) in fresh.optional.items()}}
    targets: dict[Any, dict[str, Any]] = {}
    for kind, name in fields.items():
        for source, links in payload.links.get(kind, {}).items():
            if len(links) != 1 or links[0]["props"]:
                raise FreshWriteError(
                    f"{label} {source}: {kind.rel} must be one relationship without properties"
                )
            targets.setdefault(source, {})[name] = links[0]["to"]
    rows = []
    for key, node in payload.nodes.get(label, {}).items():
        row: dict[str, Any] = {"props": node["props"], "sources": node["sources"]}
        found = targets.get(key, {})
        for kind, name in fresh.required.items():
            if name not in found:
                raise FreshWriteError(f"{label} {key} has no {kind.rel} relationship")
            row[name] = found[name]
        for name, _ in fresh.optional.values():
            row[name] = found.get(name)
        rows.append(row)
    return rows


async def create_nodes(
    store: GraphStore, label: str, rows: list[dict[str, Any]], batch_size: int, done: BatchDone
) -> None:
    """Create every node of `label` in batches, then (blocks) the SPLIT_FROM relationships,
    once all their parents exist. Two statements are in flight at a time, so the next batch
    is encoded while the database writes the current one; they are independent, so their
    order does not matter."""
    fresh = FRESH_LABELS[label]
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def create(batch: list[dict[str, Any]]) -> None:
        # Rows that share their sources go in one statement: each source is found once.
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in batch:
            groups.setdefault(tuple(row["sources"]), []).append(row)
        linked = dict.fromkeys([kind.query for kind in fresh.required], len(batch))
        async with gate:
            for sources, group in groups.items():
                sent = [{k: v for k, v in row.items() if k not in _LOCAL} for row in group]
                params = {"sources": list(sources), "rows": sent}
                result = (await store.write(fresh.query, params))[0]
                _check(fresh.query, "created", result["created"], len(group))
                if sources:
                    _check(fresh.query, "sources linked", result["sourced"], len(set(sources)))
                _count_optional(fresh, group, result, linked)
        done(len(batch), linked)

    async def split(batch: list[dict[str, Any]]) -> None:
        async with gate:
            result = (await store.write("create_credit_block_splits", {"rows": batch}))[0]
        _check("create_credit_block_splits", "SPLIT_FROM", result["linked"], len(batch))
        done(0, {SPLIT_FROM.query: len(batch)})

    await _all(
        create(rows[start : start + batch_size]) for start in range(0, len(rows), batch_size)
    )
    if label != "CreditBlock":
        return
    splits = [{"from": r["props"]["id"], "to": r["parent"]} for r in rows if r["parent"]]
    await _all(
        split(splits[start : start + batch_size]) for start in range(0, len(splits), batch_size)
    )


async def _all(batches: Iterable[Coroutine[Any, Any, None]]) -> None:
    """Run the batches (the gate bounds how many are in flight); the first failure cancels
    the rest and is raised as itself."""
    try:
        async with asyncio.TaskGroup() as tasks:
            for batch in batches:
                tasks.create_task(batch)
    except ExceptionGroup as group:
        raise group.exceptions[0] from None


def _count_optional(
    fresh: FreshLabel, group: list[dict[str, Any]], result: dict[str, Any], linked: dict
) -> None:
    for kind, (name, column) in fresh.optional.items():
        if column not in result:  # made by a later statement (SPLIT_FROM)
            continue
        expected = sum(1 for row in group if row[name] is not None)
        _check(fresh.query, f"{kind.rel} relationships", result[column], expected)
        linked[kind.query] = linked.get(kind.query, 0) + expected


def _check(query: str, what: str, done: int, expected: int) -> None:
    if done != expected:
        raise FreshWriteError(
            f"{query}: {done} of {expected} {what} (a node they point to is missing)"
        )
