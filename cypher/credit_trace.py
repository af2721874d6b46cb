"""Provenance of a credit: from a unit serial back to its issuance, verification, project,
methodology, funding and country, and forward through every transaction to its holder,
retirement or corresponding adjustment - with the gaps in the public record said out loud.

A serial is `{series}-{unit:06d}` and a series `{registry}-{projectRef}-{vintage}-{n}`
(JCM Graph's scheme; the JCM's own serial format is not public).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Any

from cypher.collected_reads import read_collected
from cypher.compiled_reads import Projection
from cypher.dates import query_date
from cypher.ledger_ops import STATUS_FOR_KIND
from cypher.store import GraphStore

SERIAL = re.compile(r"^(?P<series>[A-Z]{2}-[A-Z0-9_-]+-\d{4}-\d+)-(?P<unit>\d{6})$")
SERIAL_FORMAT = "{registry}-{projectRef}-{vintage}-{n}-{unit:06d}, e.g. JP-X-ID-02-2016-1-000028"
QUALITY_ORDER = ["ILLUSTRATIVE", "SECONDARY", "OFFICIAL"]


class TraceError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def parse_serial(serial: str) -> tuple[str, int]:
    match = SERIAL.match(serial.strip())
    if not match or int(match["unit"]) < 1:
        raise TraceError(
            "BAD_USER_INPUT", f"{serial!r} is not a unit serial; expected {SERIAL_FORMAT}"
        )
    return match["series"], int(match["unit"])


@dataclass
class Step:
    tx: dict[str, Any]
    from_account: dict[str, Any] | None
    to_account: dict[str, Any] | None
    adjustments: list[dict[str, Any]]
    sources: list[dict[str, Any]]

    @property
    def international(self) -> bool:
        return bool(
            self.from_account
            and self.to_account
            and self.from_account["registry"] != self.to_account["registry"]
        )


@dataclass
class CreditTrace:
    serial: str
    series: str
    unit: int
    as_of: dt.date | None
    steps: list[Step]
    lineage: list[dict[str, Any]]
    upstream: dict[str, Any]
    # None when the read left out what the checks look at (`trace_credit`'s `unread`).
    gaps: list[str] | None = None

    @property
    def issued(self) -> bool:
        return bool(self.steps)

    @property
    def holder(self) -> dict[str, Any] | None:
        return self.steps[-1].to_account if self.steps else None

    @property
    def status(self) -> str:
        if not self.steps:
            return "NOT_ISSUED"
        return STATUS_FOR_KIND.get((self.holder or {}).get("kind", ""), "UNKNOWN")

    @property
    def current_block(self) -> dict[str, Any] | None:
        if self.as_of is not None:
            return None  # blocks are today's state; as of a date the history speaks
        live = [b for b in self.lineage if b["block"]["status"] != "SUPERSEDED"]
        return live[0]["block"] if live else None

    @property
    def first_transfer(self) -> Step | None:
        return next((s for s in self.steps if s.tx.get("firstTransfer")), None)

    @property
    def adjustment_status(self) -> str:
        """APPLIED, MISSING, NOT_YET_DUE (authorized, not yet first-transferred) or
        NOT_REQUIRED (no Article 6.2 authorization covers the unit)."""
        if not self.upstream.get("authorizations"):
            return "NOT_REQUIRED"
        first = self.first_transfer
        if first is None:
            return "NOT_YET_DUE"
        return "APPLIED" if first.adjustments else "MISSING"

    @property
    def data_quality(self) -> str:
        """The weakest quality along the trace: a chain is as strong as its weakest step."""
        qualities = [s.tx.get("dataQuality") for s in self.steps]
        qualities += [
            (self.upstream.get(k) or {}).get("dataQuality")
            for k in ("series", "issuance", "project")
        ]
        known = [q for q in qualities if q in QUALITY_ORDER]
        return min(known, key=QUALITY_ORDER.index) if known else "ILLUSTRATIVE"


def find_gaps(trace: CreditTrace) -> list[str]:
    up, gaps = trace.upstream, []
    issuance = up.get("issuance")
    if issuance is None:
        gaps.append("no public record of the issuance decision behind this series")
    else:
        if up.get("verification") is None:
            gaps.append(f"no public record of the verification for issuance {issuance['id']}")
        if up.get("monitoringPeriod") is None:
            gaps.append(f"no public record of the monitoring period of issuance {issuance['id']}")
        if issuance.get("decidedOn") is None:
            gaps.append(f"the date of the Joint Committee decision {issuance['id']} is not public")
    project = up.get("project")
    if project is None:
        gaps.append("no project is linked to this issuance")
    else:
        if not up.get("methodologies"):
            gaps.append(f"no public record of the methodology project {project['ref']} applies")
        if not up.get("participants"):
            gaps.append(f"no public record of the participants of project {project['ref']}")
        if not up.get("funding"):
            gaps.append(f"no public record of how project {project['ref']} was funded")
    if trace.steps and trace.steps[0].tx.get("kind") != "ISSUANCE":
        gaps.append("the unit's history does not start with its issuance")
    if trace.adjustment_status == "MISSING":
        gaps.append(
            f"no corresponding adjustment is recorded for the first transfer "
            f"{trace.first_transfer.tx['id']} of these authorized units"
        )  # type: ignore[union-attr]
    return gaps


# A unit's trace, read in one statement (cypher/collected_reads.py): column -> named query.
TRACE_READS = {
    "upstream": "trace_series_upstream",
    "steps": "range_transactions",
    "lineage": "trace_unit_blocks",
}
# Columns of those reads that a trace can do without: its project's partnership,
# methodologies, participants and funding, and the sources of each step. Without the last
# three, `gaps` (which looks at them) is not worked out.
OPTIONAL_COLUMNS = frozenset({"partnership", "methodologies", "participants", "funding", "sources"})
GAP_INPUTS = frozenset({"methodologies", "participants", "funding"})
# What the trace reads itself of the nodes it comes from (its checks above; each node's graph
# key, which shows it is there, comes too), whether or not a request selects them: a request
# reads these nodes with these properties and the ones it selects (schema/provenance.py).
TRACE_NEEDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Authorization", ()),
    ("Country", ()),
    ("FundingProgramme", ()),
    ("Issuance", ("dataQuality", "decidedOn")),
    ("Methodology", ()),
    ("MonitoringPeriod", ()),
    ("Organization", ()),
    ("Partnership", ()),
    ("Project", ("dataQuality",)),
    ("Series", ("dataQuality", "quantity")),
    ("Verification", ()),
)


async def trace_credit(
    store: GraphStore,
    serial: str,
    as_of: dt.date | None = None,
    projection: Projection = (),
    unread: frozenset[str] = frozenset(),
) -> CreditTrace:
    """A unit's trace; `projection` (labels of TRACE_NEEDS and their properties) limits what
    is read of the nodes it comes from, and the OPTIONAL_COLUMNS in `unread` are not read
    (empty in the trace)."""
    if not unread <= OPTIONAL_COLUMNS:
        raise ValueError(f"a trace reads {sorted(unread - OPTIONAL_COLUMNS)} whatever is asked")
    series, unit = parse_serial(serial)
    params = {"series": series, "unit": unit, "first": unit, "last": unit}
    read = await read_collected(
        store,
        "trace_credit",
        TRACE_READS,
        {**params, "asOf": query_date(as_of)},
        projection,
        unread,
    )
    if not read["upstream"]:
        raise TraceError("NOT_FOUND", f"no series {series!r}")
    upstream = read["upstream"][0]
    if unit > upstream["series"]["quantity"]:
        raise TraceError(
            "NOT_FOUND",
            f"series {series} has {upstream['series']['quantity']} units; there is no unit {unit}",
        )
    steps = [_step(r) for r in read["steps"]]
    lineage = read["lineage"]
    trace = CreditTrace(serial.strip(), series, unit, as_of, steps, lineage, upstream)
    if not unread & GAP_INPUTS:
        trace.gaps = find_gaps(trace)
    return trace


async def range_steps(
    store: GraphStore, series: str, first: int, last: int, as_of: dt.date | None
) -> list[Step]:
    """Every transaction that touched [first, last] of a series (up to `as_of`), in order."""
    rows = await store.read_many(
        "range_transactions",
        {
            "series": series,
            "first": first,
            "last": last,
            "asOf": query_date(as_of),
        },
    )
    return [_step(r) for r in rows]


def _step(r: dict[str, Any]) -> Step:
    return Step(r["tx"], r["fromAccount"], r["toAccount"], r["adjustments"], r["sources"] or [])


@dataclass
class RangePart:
    first: int
    last: int
    steps: list[Step]


async def trace_range(
    store: GraphStore, series: str, first: int, last: int, as_of: dt.date | None = None
) -> list[RangePart]:
    """[first, last] cut into the sub-ranges whose histories differ."""
    steps = await range_steps(store, series, first, last, as_of)
    cuts = {first, last + 1}
    for s in steps:
        cuts.update(x for x in (s.tx["first"], s.tx["last"] + 1) if first < x <= last)
    bounds = sorted(cuts)
    parts: list[RangePart] = []
    for lo, hi in itertools.pairwise(bounds):
        touching = [s for s in steps if s.tx["first"] <= lo and s.tx["last"] >= hi - 1]
        ids = [s.tx["id"] for s in touching]
        if parts and [s.tx["id"] for s in parts[-1].steps] == ids:
            parts[-1].last = hi - 1
        else:
            parts.append(RangePart(lo, hi - 1, touching))
    return parts
