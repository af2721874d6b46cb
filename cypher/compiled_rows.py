"""The rows of a statement composed by cypher/compiled_reads.py, unpacked into what the data
loaders hold: each relation's rows per key of the node it starts from, each page per key.

A composed statement returns, per root node, one column per relation (`rel0`, `rel1`, …):
a list of `{node, rel, sub0, sub1, …}` maps, where `subN` holds the relations read on that
node in turn (to any depth), or of the nodes' own maps when they have neither
(compiled_reads.bare); for a page a `{total, hasNext, items}` map of such a list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cypher.compiled_reads import (
    Paged,
    Plan,
    bare,
    compose,
    plan_parts,
    relation,
    relation_params,
    start_key,
)
from cypher.registry import QueryRegistry
from cypher.store import GraphStore

Rows = list[dict[str, Any]]
# A page of a related list as its loader keeps it: {key, total, items, hasNext}.
PageRow = dict[str, Any]


@dataclass
class Related:
    """Relations read by a composed statement: per relation query, its rows (each with
    `key`, `node` and, where the query has one, `rel`) per key of the node they start from;
    per page (query, limit, after), the page per key."""

    lists: dict[str, dict[Any, Rows]]
    pages: dict[tuple[str, int, Any], dict[Any, PageRow]]


def related_of(
    registry: QueryRegistry, rows: Sequence[dict[str, Any]], relations: Sequence[Plan]
) -> Related:
    """The relation columns of the rows of a composed statement, unpacked: one `Related`
    for them all, so each relation primes its loader once per statement."""
    found = Related({}, {})
    for row in rows if relations else ():
        key = row["key"]
        for i, item in enumerate(relations):
            _unpack(registry, key, row[f"rel{i}"], item, found)
    return found


def _unpack(registry: QueryRegistry, key: Any, column: Any, item: Plan, found: Related) -> None:
    name, nested = plan_parts(item)
    items = column["items"] if isinstance(item, Paged) else column
    nodes_alone = bare(relation(registry, name), nested)
    if isinstance(item, Paged):
        found.pages.setdefault((name, item.limit, item.after), {})[key] = {
            "key": key,
            "total": column["total"],
            "hasNext": column["hasNext"],
            "items": [{"node": e} for e in items] if nodes_alone else [_item(e) for e in items],
        }
    elif nodes_alone:
        found.lists.setdefault(name, {})[key] = [{"key": key, "node": e} for e in items]
    else:
        found.lists.setdefault(name, {})[key] = [{"key": key, **_item(e)} for e in items]
    for j, inner in enumerate(nested):
        prop = start_key(registry, plan_parts(inner)[0])
        for entry in items:
            _unpack(registry, entry["node"][prop], entry[f"sub{j}"], inner, found)


async def read_with_relations(
    store: GraphStore,
    lookup: str,
    relations: Sequence[Plan],
    keys: list[Any],
    projection: Any = (),
) -> tuple[dict[Any, dict[str, Any]], Related]:
    """Per key found, the node's properties (those the projection names); and the nodes'
    relations (see `related_of`); in one round trip."""
    text = compose(store.registry, lookup, relations, projection)
    params = {"keys": keys, **relation_params(relations)}
    rows = await store.read_text(f"{lookup}_with_relations", text, params)
    return {row["key"]: row["node"] for row in rows}, related_of(store.registry, rows, relations)


def _item(entry: dict[str, Any]) -> dict[str, Any]:
    """A related node's row as its own query returns it: `node`, and `rel` where it has one."""
    if "rel" in entry:
        return {"node": entry["node"], "rel": entry["rel"]}
    return {"node": entry["node"]}
