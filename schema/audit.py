"""The audit chain as the API shows it: `auditLog`, `verifyAuditChain` and the change feed
subscription `registryEvents`, which reads the event log (not in-process signals), so it works
with any number of API processes and resumes from any seq without gaps."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
from collections.abc import AsyncGenerator

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from cypher.audit_chain import read_head, verify_chain
from schema.context import RequestContext
from schema.errors import BadUserInput
from schema.event_feed import POLL_SECONDS, EventFeed
from schema.ledger_scans import ledger_scan
from schema.pagination import Connection, connection, key_cursor, page_size, parse_key_cursor

Ctx = Info[RequestContext, None]


@strawberry.type(description="One applied change, linked into the tamper-evident chain.")
class AuditEvent:
    seq: int = strawberry.field(description="Its place in the chain: 1, 2, 3, … without gaps.")
    at: dt.datetime = strawberry.field(description="When it was applied (UTC, milliseconds).")
    actor: str = strawberry.field(description="The name of the token that made the change.")
    action: str = strawberry.field(description="What kind of change, e.g. TRANSFER.")
    payload: JSON = strawberry.field(description="The change, as a JSON object.")
    payload_text: str = strawberry.field(
        description="The change as canonical JSON text: `payloadHash` is its SHA-256."
    )
    payload_hash: str = strawberry.field(description="SHA-256 of `payloadText`, hex.")
    prev_hash: str = strawberry.field(description="The hash of the event before (64 zeros first).")
    hash: str = strawberry.field(
        description="SHA-256 of `seq|at|actor|action|payloadHash|prevHash` (at in epoch ms)."
    )


def event_of(row: dict) -> AuditEvent:
    return AuditEvent(
        seq=row["seq"],
        at=dt.datetime.fromtimestamp(row["at"] / 1000, tz=dt.UTC),
        actor=row["actor"],
        action=row["action"],
        payload=json.loads(row["payload"]),
        payload_text=row["payload"],
        payload_hash=row["payloadHash"],
        prev_hash=row["prevHash"],
        hash=row["hash"],
    )


@strawberry.type(description="Whether every link of the audit chain still holds.")
class ChainVerification:
    ok: bool
    checked: int = strawberry.field(description="Events checked.")
    ledger_transactions: int = strawberry.field(
        description="Ledger transactions made through the API; each names its event, and a "
        "missing one fails the check."
    )
    first_broken_seq: int | None
    reason: str | None


@strawberry.type
class AuditQuery:
    @strawberry.field(description="The audit log, oldest first.")
    async def audit_log(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[AuditEvent]:
        size = page_size(first)
        after_seq = parse_key_cursor(after) or 0
        if not isinstance(after_seq, int):
            raise BadUserInput("the cursor is not one this API gave out", field="after")
        store = info.context.store
        rows = await store.read_many(
            "audit_events_after", {"afterSeq": after_seq, "limit": size + 1}
        )
        events = [event_of(r["event"]) for r in rows[:size]]

        async def count() -> int:
            head = await read_head(store)
            return head.seq if head else 0

        return connection(events, lambda i: key_cursor(events[i].seq), len(rows) > size, count)

    @strawberry.field(description="Recompute every hash of the audit chain.")
    async def verify_audit_chain(self, info: Ctx) -> ChainVerification:
        async with ledger_scan(info.context):
            check = await verify_chain(info.context.store)
        return ChainVerification(
            ok=check.ok,
            checked=check.checked,
            ledger_transactions=check.ledger_transactions,
            first_broken_seq=check.first_broken_seq,
            reason=check.reason,
        )


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description=(
            "Registry events as they commit, in order, starting after `afterSeq` (0: from the "
            "first). Reconnect with the last seq seen to resume without gaps."
        )
    )
    async def registry_events(
        self, info: Ctx, after_seq: int = 0
    ) -> AsyncGenerator[AuditEvent, None]:
        if after_seq < 0:
            raise BadUserInput("`afterSeq` must be 0 or more", field="afterSeq")
        store = info.context.store
        feed: EventFeed | None = info.context.event_feed
        last = after_seq
        async with feed.subscription() if feed else contextlib.nullcontext():
            while True:
                rows = await store.read_many("audit_events_after", {"afterSeq": last, "limit": 100})
                gap = False
                for row in rows:
                    event = event_of(row["event"])
                    if event.seq != last + 1:
                        gap = True  # a writer is still committing the event before this one
                        break
                    last = event.seq
                    yield event
                if rows and not gap:
                    continue  # there may be more
                if feed is None or gap:
                    await asyncio.sleep(POLL_SECONDS)
                else:
                    await feed.wait_past(last)
