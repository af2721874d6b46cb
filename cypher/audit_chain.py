"""The tamper-evident audit chain: every applied mutation appends an Event whose hash covers
its payload and the previous event's hash, in the same statement as the change.

Hashes are computed here (no hash function is portable across the two databases); the write
statement re-checks that the chain head is still the one hashed against, and the unique key on
Event.seq stops two writers from appending the same link. A writer that loses the race plans
and tries again.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from cypher.store import GraphStore

GENESIS = "0" * 64


def canonical(payload: Any) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)


def payload_hash(payload: Any) -> str:
    return hashlib.sha256(canonical(payload).encode()).hexdigest()


def event_hash(seq: int, at: int, actor: str, action: str, payload_sha: str, prev: str) -> str:
    text = f"{seq}|{at}|{actor}|{action}|{payload_sha}|{prev}"
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class NextEvent:
    seq: int
    at: int
    actor: str
    action: str
    payload: str
    payloadHash: str
    prevHash: str
    hash: str

    def params(self) -> dict[str, Any]:
        return dict(self.__dict__)


# The newest seq each store has shown this process. The head is looked for from there on by
# the seq index (audit_head_from): the full query sorts every event, as FalkorDB reads no index
# in order, and every write and change-feed poll reads the head. Only a hint: when no event
# has that seq any more (the log was emptied), the full query finds the head.
_seen_heads: WeakKeyDictionary[GraphStore, int] = WeakKeyDictionary()


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str


async def read_head(store: GraphStore) -> Head | None:
    """The newest event of the chain, or None before the first write."""
    seen = _seen_heads.get(store)
    rows = await store.read("audit_head_from", {"fromSeq": seen}) if seen is not None else []
    if not rows:
        rows = await store.read("audit_head")
    if not rows:
        _seen_heads.pop(store, None)
        return None
    _seen_heads[store] = rows[0]["seq"]
    return Head(rows[0]["seq"], rows[0]["hash"])


async def next_event(store: GraphStore, actor: str, action: str, payload: Any) -> NextEvent:
    head = await read_head(store)
    seq = head.seq + 1 if head else 1
    prev = head.hash if head else GENESIS
    at = int(time.time() * 1000)
    text = canonical(payload)
    sha = hashlib.sha256(text.encode()).hexdigest()
    return NextEvent(
        seq, at, actor, action, text, sha, prev, event_hash(seq, at, actor, action, sha, prev)
    )


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str | None = None
    # Ledger transactions made through the API: each names the event that recorded it.
    ledger_transactions: int = 0


async def verify_chain(store: GraphStore, batch: int = 1000) -> ChainCheck:
    """Recompute every link; report the first event whose hash or link does not hold, or the
    first event that a ledger transaction names but the log lacks."""
    check = await _verify_links(store, batch)
    row = (await store.read("transactions_missing_events"))[0]
    recorded = row["recorded"]
    if check.ok and row["missing"]:
        return ChainCheck(
            False,
            check.checked,
            row["firstMissing"],
            f"{row['missing']} ledger transactions name audit events the log lacks",
            recorded,
        )
    return ChainCheck(check.ok, check.checked, check.first_broken_seq, check.reason, recorded)


async def _verify_links(store: GraphStore, batch: int) -> ChainCheck:
    prev, expected_seq, checked = GENESIS, 1, 0
    while True:
        rows = await store.read_many(
            "audit_events_after", {"afterSeq": expected_seq - 1, "limit": batch}
        )
        if not rows:
            return ChainCheck(True, checked)
        for row in rows:
            e = row["event"]
            if e["seq"] != expected_seq:
                return ChainCheck(False, checked, expected_seq, "an event is missing")
            if e["prevHash"] != prev:
                return ChainCheck(False, checked, e["seq"], "it does not link to the event before")
            if payload_hash_of(e["payload"]) != e["payloadHash"]:
                return ChainCheck(False, checked, e["seq"], "its payload was changed")
            recomputed = event_hash(
                e["seq"], e["at"], e["actor"], e["action"], e["payloadHash"], e["prevHash"]
            )
            if recomputed != e["hash"]:
                return ChainCheck(False, checked, e["seq"], "its hash does not match its content")
            prev, expected_seq, checked = e["hash"], expected_seq + 1, checked + 1


def payload_hash_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
