"""Registry operations and admin upserts. Each applied change is one write statement that
checks its own preconditions and appends the audit event; a refused change writes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from cypher.ledger_ops import (
    MAX_BLOCKS_PER_MOVE,
    Applied,
    LedgerRefusal,
    MoveRequest,
    Provenance,
    move_credits,
)
from schema.access import require
from schema.context import RequestContext
from schema.errors import ApiError, BadUserInput, ErrorCode
from schema.ledger_inputs import checked_date, checked_units
from schema.node import DataQuality

Ctx = Info[RequestContext, None]
WRITE = "registry:write"
ADMIN = "admin"


def refusal(exc: LedgerRefusal) -> ApiError:
    error = ApiError(exc.message, **({"field": exc.field} if exc.field else {}))
    error.code = ErrorCode(exc.code)
    return error


async def run(coro: Any) -> Applied:
    try:
        return await coro
    except LedgerRefusal as exc:
        raise refusal(exc) from None


@strawberry.input(description="Where a recorded fact comes from and how far to trust it.")
class ProvenanceInput:
    data_quality: DataQuality = DataQuality.OFFICIAL
    source_url: str | None = strawberry.field(
        default=None, description="Document behind the record (default: the API caller)."
    )


def provenance(info: Ctx, role: str, given: ProvenanceInput | None) -> Provenance:
    principal = require(info, role)
    given = given or ProvenanceInput()
    if given.source_url and not given.source_url.startswith(("http://", "https://")):
        raise BadUserInput("sourceUrl must be an http(s) URL", field="sourceUrl")
    return Provenance(
        actor=principal.name or "?",
        data_quality=given.data_quality.value,
        source_url=given.source_url,
    )


@strawberry.type(description="What an applied (or replayed) write did.")
class WriteResult:
    event_seq: int | None = strawberry.field(
        description="Its audit event; on a replay, the event of the first application."
    )
    replayed: bool = strawberry.field(description="True when an idempotency key matched.")
    keys: list[str] = strawberry.field(description="Keys of what it created or changed.")
    transactions: list[str] = strawberry.field(description="Ledger transactions it created.")


def result(applied: Applied) -> WriteResult:
    r = applied.result
    keys = [
        str(v)
        for k, v in r.items()
        if k not in ("transactions", "eventSeq", "series") and not isinstance(v, list)
    ] + list(r.get("series", []))
    return WriteResult(
        event_seq=r.get("eventSeq"),
        replayed=applied.replayed,
        keys=keys,
        transactions=list(r.get("transactions", [])),
    )


@strawberry.input(description="Units to move: a serial range of one series, or a quantity.")
class MoveInput:
    from_account: str
    series: str | None = None
    first: int | None = strawberry.field(default=None, description="First unit (with `last`).")
    last: int | None = strawberry.field(
        default=None,
        description=f"Last unit: the range may lie in at most {MAX_BLOCKS_PER_MOVE} blocks.",
    )
    quantity: int | None = strawberry.field(
        default=None,
        description="Or: this many units, the account's oldest first (by series, then serial), "
        f"from at most {MAX_BLOCKS_PER_MOVE} of its blocks (`series` narrows them to one series).",
    )
    on: dt.date | None = strawberry.field(default=None, description="Default: today.")
    note: str | None = None
    provenance: ProvenanceInput | None = None
    idempotency_key: str | None = strawberry.field(
        default=None, description="Retrying with the same key applies nothing twice."
    )


def move_request(
    m: MoveInput, to: str, purpose: str | None = None, beneficiary: str | None = None
) -> MoveRequest:
    ranged = m.first is not None or m.last is not None
    if ranged == (m.quantity is not None):
        raise BadUserInput("give either first and last (with series) or quantity", field="quantity")
    if ranged:
        if m.first is None or m.last is None or m.series is None:
            raise BadUserInput("a range needs series, first and last", field="first")
        if m.first < 1 or m.last < m.first:
            raise BadUserInput("first must be at least 1 and not after last", field="first")
        checked_units(m.last - m.first + 1, "the range")
    else:
        checked_units(m.quantity, "quantity")
    checked_date(m.on, "on")
    if m.idempotency_key is not None and not 1 <= len(m.idempotency_key) <= 200:
        raise BadUserInput("idempotencyKey must have 1 to 200 characters", field="idempotencyKey")
    return MoveRequest(
        m.from_account,
        to,
        m.on or dt.date.today(),
        m.series,
        m.first,
        m.last,
        m.quantity,
        purpose,
        beneficiary,
        m.note,
    )


async def _registry_account(info: Ctx, from_account: str, kind: str) -> str:
    store = info.context.store
    rows = await store.read("account_by_key", {"keys": [from_account]})
    if not rows:
        raise BadUserInput(f"no account {from_account!r}", field="fromAccount")
    registry = rows[0]["node"]["registry"]
    found = await store.read("registry_account", {"registry": registry, "kind": kind})
    if not found:
        raise ApiError(f"registry {registry} has no {kind.lower()} account")
    return found[0]["id"]


async def _move(
    info: Ctx,
    input: MoveInput,
    to: str,
    action: str,
    kind: str,
    purpose: str | None = None,
    beneficiary: str | None = None,
) -> WriteResult:
    """One ledger move: `to` is the destination account, `kind` the kind it must be."""
    who = provenance(info, WRITE, input.provenance)
    if kind != "HOLDING":
        to = await _registry_account(info, input.from_account, kind)
    req = move_request(input, to, purpose, beneficiary)
    return result(
        await run(
            move_credits(
                info.context.store,
                req,
                action=action,
                provenance=who,
                idempotency_key=input.idempotency_key,
                expect_kind=kind,
            )
        )
    )


@strawberry.type
class RegistryMutation:
    @strawberry.mutation(description="Transfer units to another holding account (any registry).")
    async def transfer_credits(self, info: Ctx, input: MoveInput, to_account: str) -> WriteResult:
        return await _move(info, input, to_account, "TRANSFER", "HOLDING")

    @strawberry.mutation(description="Retire units into their registry's retirement account.")
    async def retire_credits(
        self, info: Ctx, input: MoveInput, purpose: str, beneficiary: str | None = None
    ) -> WriteResult:
        return await _move(info, input, "", "RETIRE", "RETIREMENT", purpose, beneficiary)

    @strawberry.mutation(description="Cancel units into their registry's cancellation account.")
    async def cancel_credits(
        self, info: Ctx, input: MoveInput, reason: str | None = None
    ) -> WriteResult:
        return await _move(info, input, "", "CANCEL", "CANCELLATION", reason)
