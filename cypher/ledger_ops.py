"""Registry operations on the credit ledger: plan a move from the current blocks, then apply
it with one all-or-nothing write statement that re-checks the plan (DESIGN §4 "The ledger").

A plan that went stale (another writer got there first) makes the statement write nothing;
the operation then plans again. A plan that cannot be made is refused with the reason the
client must see: NOT_FOUND, CONFLICT (not held, not enough) or INTEGRITY_VIOLATION (retired or
cancelled units never move again).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from cypher.audit_chain import next_event, payload_hash_of
from cypher.errors import ConstraintViolation
from cypher.store import GraphStore

MAX_ATTEMPTS = 40
MAX_BLOCKS_PER_MOVE = 500
STATUS_FOR_KIND = {"HOLDING": "HELD", "RETIREMENT": "RETIRED", "CANCELLATION": "CANCELLED"}
TX_KIND_FOR_KIND = {
    "HOLDING": "TRANSFER",
    "RETIREMENT": "RETIREMENT",
    "CANCELLATION": "CANCELLATION",
}


class LedgerRefusal(Exception):
    """The operation cannot be done; `code` is the GraphQL error code, `field` the input."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def block_id(series: str, first: int, last: int) -> str:
    """Blocks never merge, so a range of a series identifies one block for good."""
    return f"{series}/{first}-{last}"


@dataclass
class Provenance:
    actor: str
    data_quality: str
    source_url: str | None = None

    def source(self) -> dict[str, Any]:
        url = self.source_url or f"urn:jcm-graph:actor:{self.actor}"
        from hashlib import sha1

        return {
            "id": "src-" + sha1(url.encode()).hexdigest()[:12],
            "url": url,
            "publisher": self.actor if not self.source_url else None,
            "title": None if self.source_url else f"Recorded through the API by {self.actor}",
            "dataQuality": self.data_quality,
        }


@dataclass
class MoveRequest:
    from_account: str
    to_account: str
    on: dt.date
    series: str | None = None
    first: int | None = None
    last: int | None = None
    quantity: int | None = None
    purpose: str | None = None
    beneficiary: str | None = None
    note: str | None = None


@dataclass
class Cut:
    block: dict[str, Any]
    first: int
    last: int


async def _account(store: GraphStore, account_id: str, field_name: str) -> dict[str, Any]:
    rows = await store.read("account_by_key", {"keys": [account_id]})
    if not rows:
        raise LedgerRefusal("NOT_FOUND", f"no account {account_id!r}", field_name)
    return rows[0]["node"]


async def plan_cuts(store: GraphStore, req: MoveRequest) -> list[Cut]:
    """Which parts of which live blocks the request moves, as the ledger stands now."""
    if req.quantity is not None:
        [found] = await store.read(
            "blocks_to_move_by_quantity",
            {
                "account": req.from_account,
                "series": req.series,
                "quantity": req.quantity,
                "limit": MAX_BLOCKS_PER_MOVE,
                "fetch": MAX_BLOCKS_PER_MOVE + 1,
            },
        )
        if found["units"] >= req.quantity:
            cuts, left = [], req.quantity
            for block in found["blocks"]:
                take = min(left, block["quantity"])
                cuts.append(Cut(block, block["first"], block["first"] + take - 1))
                left -= take
            return cuts
        where = f" of series {req.series}" if req.series else ""
        if found["more"]:
            raise LedgerRefusal(
                "LIMIT_EXCEEDED",
                f"a move by quantity takes at most {MAX_BLOCKS_PER_MOVE} blocks, and the oldest "
                f"{MAX_BLOCKS_PER_MOVE} that account {req.from_account} holds{where} carry "
                f"{found['units']} units, fewer than the {req.quantity} asked for: move at most "
                f"{found['units']} at once",
                "quantity",
            )
        raise LedgerRefusal(
            "CONFLICT",
            f"account {req.from_account} holds {found['units']} units{where}, "
            f"fewer than the {req.quantity} asked for",
            "quantity",
        )
    assert req.series is not None
    assert req.first is not None
    assert req.last is not None
    rows = await store.read(
        "live_blocks_in_range",
        {
            "series": req.series,
            "first": req.first,
            "last": req.last,
            "fetch": MAX_BLOCKS_PER_MOVE + 1,
        },
    )
    if len(rows) > MAX_BLOCKS_PER_MOVE:
        last_of_cap = rows[MAX_BLOCKS_PER_MOVE - 1]["block"]["last"]
        raise LedgerRefusal(
            "LIMIT_EXCEEDED",
            f"a move by range takes at most {MAX_BLOCKS_PER_MOVE} blocks, and units "
            f"{req.first}-{req.last} of {req.series} lie in more: move units "
            f"{req.first}-{last_of_cap} first, then the rest",
            "last",
        )
    if not rows:
        series = await store.read("series_by_key_list", {"keys": [req.series]})
        if not series:
            raise LedgerRefusal("NOT_FOUND", f"no series {req.series!r}", "series")
        if req.first <= series[0]["quantity"]:
            # Issued units always lie in some live block: none seen means a concurrent move
            # replaced the blocks while this read ran (Neo4j reads are not snapshots).
            raise LedgerRefusal(
                "CONFLICT",
                f"units {req.first}-{req.last} of {req.series} changed while being read; try again",
                "first",
            )
        raise LedgerRefusal(
            "NOT_FOUND",
            f"units {req.first}-{req.last} of {req.series} were "
            f"never issued (it has {series[0]['quantity']})",
            "last",
        )
    if req.last > rows[0]["seriesIssued"]:
        raise LedgerRefusal(
            "NOT_FOUND", f"series {req.series} has only {rows[0]['seriesIssued']} units", "last"
        )
    cuts = []
    for row in rows:
        block = row["block"]
        lo, hi = max(block["first"], req.first), min(block["last"], req.last)
        if block["status"] in ("RETIRED", "CANCELLED"):
            raise LedgerRefusal(
                "INTEGRITY_VIOLATION",
                f"units {lo}-{hi} of {req.series} are "
                f"{block['status'].lower()} and can never move again",
                "first",
            )
        if row["account"] != req.from_account:
            raise LedgerRefusal(
                "CONFLICT",
                f"units {lo}-{hi} of {req.series} are not held by {req.from_account}",
                "fromAccount",
            )
        cuts.append(Cut(block, lo, hi))
    return cuts


def _moves(
    cuts: list[Cut],
    req: MoveRequest,
    to: dict[str, Any],
    series_registry: dict[str, str],
    event_seq: int,
    quality: str,
    last_seq: dict[str, int],
) -> tuple[list[dict], list[dict]]:
    status = STATUS_FOR_KIND[to["kind"]]
    moves, counters = [], {}
    seqs = dict(last_seq)

    def next_seq(series: str) -> int:
        """After every transaction the series has: a unit's history stays in order."""
        seqs[series] = seqs.get(series, 0) + 1
        return seqs[series]

    for i, cut in enumerate(cuts):
        b = cut.block
        whole = (b["first"], b["last"]) == (cut.first, cut.last)
        pieces = [
            {
                "id": block_id(b["series"], lo, hi),
                "first": lo,
                "last": hi,
                "moved": (lo, hi) == (cut.first, cut.last),
            }
            for lo, hi in (
                (b["first"], cut.first - 1),
                (cut.first, cut.last),
                (cut.last + 1, b["last"]),
            )
            if lo <= hi
        ]
        issuing = series_registry[b["series"]]
        first_transfer = b["registry"] == issuing and to["registry"] != issuing and status == "HELD"
        moves.append(
            {
                "block": b["id"],
                "from": req.from_account,
                "first": b["first"],
                "last": b["last"],
                "whole": whole,
                "series": b["series"],
                "pieces": pieces,
                "moved": b["id"] if whole else block_id(b["series"], cut.first, cut.last),
                "tx": {
                    "id": f"TX-{event_seq}-{i + 1}",
                    "seq": next_seq(b["series"]),
                    "eventSeq": event_seq,
                    "kind": TX_KIND_FOR_KIND[to["kind"]],
                    "on": req.on.isoformat(),
                    "series": b["series"],
                    "first": cut.first,
                    "last": cut.last,
                    "quantity": cut.last - cut.first + 1,
                    "firstTransfer": first_transfer,
                    "purpose": req.purpose,
                    "beneficiary": req.beneficiary,
                    "note": req.note,
                    "dataQuality": quality,
                },
            }
        )
        count = counters.setdefault(
            b["series"], {"series": b["series"], "retired": 0, "cancelled": 0}
        )
        if status == "RETIRED":
            count["retired"] += cut.last - cut.first + 1
        elif status == "CANCELLED":
            count["cancelled"] += cut.last - cut.first + 1
    return moves, list(counters.values())


@dataclass(frozen=True)
class IdempotencyClaim:
    """What a write stores under its idempotency key, so that a retry replays its result.

    Keys belong to the caller who gave them: two callers may use the same key for
    different requests (the stored key is `actor/key`)."""

    key: str | None
    action: str
    request_hash: str

    def record(self, result: dict[str, Any]) -> dict[str, Any] | None:
        """The IdempotencyKey properties a write creates; None when no key was given."""
        if self.key is None:
            return None
        return {
            "key": self.key,
            "action": self.action,
            "result": json.dumps(result),
            "requestHash": self.request_hash,
        }


def scoped_key(actor: str, key: str | None) -> str | None:
    return None if key is None else f"{actor}/{key}"


@dataclass
class Applied:
    result: dict[str, Any]
    replayed: bool = False
    event_seq: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


async def stored_result(store: GraphStore, claim: IdempotencyClaim) -> Applied | None:
    if claim.key is None:
        return None
    rows = await store.read("idempotency_result", {"key": claim.key})
    if not rows:
        return None
    if rows[0]["requestHash"] != claim.request_hash or rows[0]["action"] != claim.action:
        raise LedgerRefusal(
            "CONFLICT", "this idempotency key was used for another request", "idempotencyKey"
        )
    return Applied(json.loads(rows[0]["result"]), replayed=True)


async def apply_with_retries(
    store: GraphStore,
    *,
    action: str,
    payload: dict[str, Any],
    actor: str,
    idempotency_key: str | None,
    attempt: Callable[[Any, IdempotencyClaim], Awaitable[dict[str, Any] | None]],
) -> Applied:
    """Run `attempt(event, claim)` until its statement applies (or a refusal is raised)."""
    request_hash = payload_hash_of(json.dumps(payload, sort_keys=True, default=str))
    claim = IdempotencyClaim(scoped_key(actor, idempotency_key), action, request_hash)
    if (done := await stored_result(store, claim)) is not None:
        return done
    for tries in range(MAX_ATTEMPTS):
        event = await next_event(store, actor, action, payload)
        try:
            result = await attempt(event, claim)
        except ConstraintViolation:
            result = None  # another writer took this audit seq (or this idempotency key)
        except LedgerRefusal:
            # A concurrent retry of this very request may be what changed the ledger under
            # us: then the client gets its result, not the refusal it caused.
            if done := await stored_result(store, claim):
                return done
            raise
        if result is not None:
            return Applied(result, event_seq=event.seq)
        if done := await stored_result(store, claim):
            return done
        await asyncio.sleep(random.uniform(0, 0.005 * (tries + 1)))
    raise LedgerRefusal("CONFLICT", "the ledger is too busy right now; try again")


async def move_credits(
    store: GraphStore,
    req: MoveRequest,
    *,
    action: str,
    provenance: Provenance,
    idempotency_key: str | None,
    expect_kind: str,
) -> Applied:
    source = await _account(store, req.from_account, "fromAccount")
    target = await _account(store, req.to_account, "toAccount")
    if source["kind"] != "HOLDING":
        raise LedgerRefusal(
            "INTEGRITY_VIOLATION",
            f"account {req.from_account} is a "
            f"{source['kind'].lower()} account: its units never move again",
            "fromAccount",
        )
    if target["kind"] != expect_kind:
        raise LedgerRefusal(
            "BAD_USER_INPUT",
            f"account {req.to_account} is a "
            f"{target['kind'].lower()} account, not {expect_kind.lower()}",
            "toAccount",
        )
    if req.from_account == req.to_account:
        raise LedgerRefusal(
            "BAD_USER_INPUT", "the source and destination accounts are the same", "toAccount"
        )
    payload = {
        "action": action,
        "from": req.from_account,
        "to": req.to_account,
        "series": req.series,
        "first": req.first,
        "last": req.last,
        "quantity": req.quantity,
        "on": req.on.isoformat(),
        "purpose": req.purpose,
        "beneficiary": req.beneficiary,
        "note": req.note,
        "dataQuality": provenance.data_quality,
        "source": provenance.source_url,
    }

    async def attempt(event: Any, claim: IdempotencyClaim) -> dict[str, Any] | None:
        cuts = await plan_cuts(store, req)
        series_ids = sorted({c.block["series"] for c in cuts})
        rows = await store.read("series_by_key_list", {"keys": series_ids})
        registries = {r["key"]: r["registry"] for r in rows}
        for r in rows:
            if r["issuedOn"] is not None and req.on < r["issuedOn"]:
                raise LedgerRefusal(
                    "BAD_USER_INPUT",
                    f"on ({req.on.isoformat()}) is before series {r['key']} was issued "
                    f"({r['issuedOn'].isoformat()})",
                    "on",
                )
        last_seq = {
            r["series"]: r["seq"]
            for r in await store.read("series_max_seq", {"series": series_ids})
        }
        moves, counters = _moves(
            cuts, req, target, registries, event.seq, provenance.data_quality, last_seq
        )
        result = {"transactions": [m["tx"]["id"] for m in moves], "eventSeq": event.seq}
        idem = claim.record(result)
        rows = await store.write(
            "move_credits",
            {
                "moves": moves,
                "to": req.to_account,
                "status": STATUS_FOR_KIND[target["kind"]],
                "counters": counters,
                "event": event.params(),
                "idempotency": idem,
                "source": provenance.source(),
                "dataQuality": provenance.data_quality,
            },
        )
        return result if rows else None

    return await apply_with_retries(
        store,
        action=action,
        payload=payload,
        actor=provenance.actor,
        idempotency_key=idempotency_key,
        attempt=attempt,
    )
