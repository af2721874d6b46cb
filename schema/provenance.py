"""`traceCredit` and `traceRange`: the researchers' view of a credit's provenance."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry
from graphql import FieldNode
from strawberry.types import Info

from cypher.credit_trace import (
    TRACE_NEEDS,
    RangePart,
    Step,
    TraceError,
    trace_credit,
    trace_range,
)
from cypher.credit_trace import CreditTrace as Trace
from cypher.ledger_ops import STATUS_FOR_KIND
from schema.context import RequestContext
from schema.document_cache import DocumentCache, document_key
from schema.errors import BadUserInput, NotFound
from schema.ledger_types import CorrespondingAdjustment, CreditBlock, Series, Transaction
from schema.node import DataQuality, Source, data_quality, from_row
from schema.prefetch import names_under, prefetch, selected_relations
from schema.project_types import Authorization, Issuance, MonitoringPeriod, Project, Verification
from schema.projection import projection_with
from schema.reference_types import Country, Methodology, Organization, Partnership

Ctx = Info[RequestContext, None]
MAX_RANGE = 1_000_000


@strawberry.enum(description="Where a unit stands.")
class UnitStatus(Enum):
    NOT_ISSUED = "NOT_ISSUED"
    HELD = "HELD"
    RETIRED = "RETIRED"
    CANCELLED = "CANCELLED"
    UNKNOWN = "UNKNOWN"


@strawberry.enum(description="The corresponding adjustment an Article 6.2 first transfer needs.")
class AdjustmentStatus(Enum):
    APPLIED = "APPLIED"
    MISSING = "MISSING"
    NOT_YET_DUE = "NOT_YET_DUE"
    NOT_REQUIRED = "NOT_REQUIRED"


@strawberry.type(description="An account at a step of a trace, with who owns it.")
class TraceAccount:
    key: str
    name: str | None
    kind: str
    registry: str
    owner: str | None = strawberry.field(description="Organization or country name.")
    owner_key: str | None
    owner_country: str | None = strawberry.field(description="The owner's country code.")


def account(row: dict[str, Any] | None) -> TraceAccount | None:
    if row is None:
        return None
    return TraceAccount(
        key=row["id"],
        name=row.get("name"),
        kind=row["kind"],
        registry=row["registry"],
        owner=row.get("owner"),
        owner_key=row.get("ownerKey"),
        owner_country=row.get("ownerCountry"),
    )


@strawberry.type(description="One transaction in a unit's history.")
class TraceStep:
    seq: int
    on: dt.date
    kind: str
    first: int
    last: int
    quantity: int
    from_account: TraceAccount | None
    to_account: TraceAccount | None
    international: bool = strawberry.field(description="It crossed from one registry to another.")
    first_transfer: bool = strawberry.field(
        description="The units' first international transfer (Article 6.2)."
    )
    purpose: str | None
    beneficiary: str | None
    data_quality: DataQuality
    sources: list[Source]
    corresponding_adjustments: list[CorrespondingAdjustment]
    transaction: Transaction


def step(s: Step) -> TraceStep:
    tx = s.tx
    return TraceStep(
        seq=tx["seq"],
        on=tx["on"],
        kind=tx["kind"],
        first=tx["first"],
        last=tx["last"],
        quantity=tx["quantity"],
        from_account=account(s.from_account),
        to_account=account(s.to_account),
        international=s.international,
        first_transfer=bool(tx.get("firstTransfer")),
        purpose=tx.get("purpose"),
        beneficiary=tx.get("beneficiary"),
        data_quality=data_quality(tx["dataQuality"]),
        sources=[from_row(Source, x) for x in s.sources],
        corresponding_adjustments=[from_row(CorrespondingAdjustment, x) for x in s.adjustments],
        transaction=from_row(Transaction, tx),
    )


def _maybe(cls: type, row: dict[str, Any] | None) -> Any:
    return from_row(cls, row) if row else None


@strawberry.type(
    description=(
        "A unit's provenance: where it is, everything that happened to it, where it came from, "
        "its Article 6.2 standing, and what the public record does not say."
    )
)
class CreditTrace:
    serial: str
    series_key: str = strawberry.field(name="series")
    unit: int
    as_of: dt.date | None
    status: UnitStatus
    holder: TraceAccount | None = strawberry.field(description="Who holds it (as of `asOf`).")
    block: CreditBlock | None = strawberry.field(description="The live block holding it now.")
    history: list[TraceStep] = strawberry.field(description="Every transaction, in order.")
    lineage: list[CreditBlock] = strawberry.field(
        description="Every block that has contained it, largest (oldest) first: its splits."
    )
    series_info: Series | None
    issuance: Issuance | None
    verification: Verification | None
    tpe: Organization | None = strawberry.field(description="Who verified.")
    monitoring_period: MonitoringPeriod | None
    project: Project | None
    host_country: Country | None
    partnership: Partnership | None
    methodologies: list[Methodology]
    authorizations: list[Authorization]
    adjustment_status: AdjustmentStatus
    gaps: list[str] = strawberry.field(description="Steps the public record does not show.")
    data_quality: DataQuality = strawberry.field(description="The weakest along the chain.")


# The columns of a trace's read that only some fields need (`history.sources`: a field of its
# steps). A request that selects none of a column's fields does not read it: each is a
# traversal the database makes for every trace.
COLUMN_NEEDED_BY: dict[str, frozenset[str]] = {
    "partnership": frozenset({"partnership"}),
    "methodologies": frozenset({"methodologies", "gaps"}),
    "participants": frozenset({"gaps"}),
    "funding": frozenset({"gaps"}),
    "sources": frozenset({"history.sources"}),
}


def unread_columns(info: Ctx) -> frozenset[str]:
    """The columns of OPTIONAL_COLUMNS that the current `traceCredit` field does not need."""
    raw = info._raw_info
    document = document_key(raw)
    key = None if document is None else (document, tuple(raw.path.as_list()))
    return _UNREAD.get_or_make(key, lambda: unread_by(raw.field_nodes, raw.fragments))


def unread_by(fields: list[FieldNode], fragments: dict[str, Any]) -> frozenset[str]:
    """The columns that `traceCredit` fields (one field's nodes in a document) do not need."""
    steps = {f"history.{name}" for name in names_under(fields, fragments, ("history",))}
    selected = names_under(fields, fragments, ()) | steps
    return frozenset(c for c, needs in COLUMN_NEEDED_BY.items() if not needs & selected)


# Per document and place of the field.
_UNREAD: DocumentCache[frozenset[str]] = DocumentCache()


def credit_trace(t: Trace) -> CreditTrace:
    up = t.upstream
    return CreditTrace(
        serial=t.serial,
        series_key=t.series,
        unit=t.unit,
        as_of=t.as_of,
        status=UnitStatus(t.status),
        holder=account(t.holder),
        block=_maybe(CreditBlock, t.current_block),
        history=[step(s) for s in t.steps],
        lineage=[from_row(CreditBlock, b["block"]) for b in t.lineage],
        series_info=_maybe(Series, up.get("series")),
        issuance=_maybe(Issuance, up.get("issuance")),
        verification=_maybe(Verification, up.get("verification")),
        tpe=_maybe(Organization, up.get("tpe")),
        monitoring_period=_maybe(MonitoringPeriod, up.get("monitoringPeriod")),
        project=_maybe(Project, up.get("project")),
        host_country=_maybe(Country, up.get("hostCountry")),
        partnership=_maybe(Partnership, up.get("partnership")),
        methodologies=[from_row(Methodology, m) for m in up.get("methodologies") or []],
        authorizations=[from_row(Authorization, a) for a in up.get("authorizations") or []],
        adjustment_status=AdjustmentStatus(t.adjustment_status),
        gaps=t.gaps or [],  # None only when not selected (COLUMN_NEEDED_BY)
        data_quality=data_quality(t.data_quality),
    )


@strawberry.type(description="A sub-range of units that share one history.")
class RangeTrace:
    first: int
    last: int
    status: UnitStatus
    holder: TraceAccount | None
    history: list[TraceStep]


def range_trace(part: RangePart) -> RangeTrace:
    holder = part.steps[-1].to_account if part.steps else None
    kind = (holder or {}).get("kind")
    status = STATUS_FOR_KIND.get(kind or "", "NOT_ISSUED" if not part.steps else "UNKNOWN")
    return RangeTrace(
        first=part.first,
        last=part.last,
        status=UnitStatus(status),
        holder=account(holder),
        history=[step(s) for s in part.steps],
    )


def _refused(exc: TraceError) -> Exception:
    if exc.code == "NOT_FOUND":
        return NotFound(exc.message)
    return BadUserInput(exc.message, field="serial")


@strawberry.type
class ProvenanceQuery:
    @strawberry.field(
        description=(
            "Everything about one unit, from its serial: `{series}-{unit:06d}`. With `asOf`, its "
            "holder and status as they were at the end of that day."
        )
    )
    async def trace_credit(
        self, info: Ctx, serial: str, as_of: dt.date | None = None
    ) -> CreditTrace:
        try:
            # What the trace reads of its upstream nodes: what it checks, and what is selected.
            projection = projection_with(info._raw_info, TRACE_NEEDS)
            unread = unread_columns(info)
            trace = await trace_credit(info.context.store, serial, as_of, projection, unread)
        except TraceError as exc:
            raise _refused(exc) from None
        project = trace.upstream.get("project")
        if project and selected_relations(info, "Project", under="project"):
            # The relations asked of its project (methodologies, participants, funding…) in
            # one more round trip, not one per relation.
            await prefetch(info, "Project", [project["ref"]], under="project")
        return credit_trace(trace)

    @strawberry.field(description="A range of a series, cut where the units' histories differ.")
    async def trace_range(
        self, info: Ctx, series: str, first: int, last: int, as_of: dt.date | None = None
    ) -> list[RangeTrace]:
        if first < 1 or last < first:
            raise BadUserInput("first must be at least 1 and not after last", field="first")
        if last - first + 1 > MAX_RANGE:
            raise BadUserInput(f"a range may span at most {MAX_RANGE} units", field="last")
        rows = await info.context.store.read("series_by_key_list", {"keys": [series]})
        if not rows:
            raise NotFound(f"no series {series!r}")
        return [
            range_trace(p)
            for p in await trace_range(info.context.store, series, first, last, as_of)
        ]
