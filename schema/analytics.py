"""`stats` (group-by aggregates) and `search` (full-text)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from cypher.listing import ListingError
from cypher.project_stats import project_stats
from cypher.search_text import MAX_WORDS, search
from schema.context import RequestContext
from schema.errors import BadUserInput, LimitExceeded
from schema.filters import ProjectFilter, to_tree
from schema.node import DataQuality, Node, Source, from_row, sources_of
from schema.prefetch import selected_names

Ctx = Info[RequestContext, None]
MAX_HITS = 50


@strawberry.enum(description="What `stats` can group projects by.")
class StatsDimension(Enum):
    COUNTRY = "COUNTRY"
    SECTOR = "SECTOR"
    TECHNOLOGY = "TECHNOLOGY"
    PROGRAMME = "PROGRAMME"
    YEAR = "YEAR"
    STATUS = "STATUS"


@strawberry.type(description="Aggregates for one combination of the grouped dimensions.")
class StatsGroup:
    country: str | None = strawberry.field(description="Host country code, when grouped.")
    sector: str | None
    technology: str | None
    programme: str | None
    year: int | None = strawberry.field(description="Year of registration, when grouped.")
    status: str | None
    project_count: int
    estimated_annual_reduction: float = strawberry.field(description="tCO2e a year.")
    credits_notified: int = strawberry.field(
        description="tCO2e notified for issuance by the Joint Committees' decisions (the sum "
        "of `Issuance.notifiedTotal`; a decision covering several projects counts once). "
        "Includes issuances whose registry split is not public, so it can exceed "
        "`creditsIssued`, which counts the credits in the ledger."
    )
    credits_issued: int
    credits_held: int
    credits_retired: int
    credits_cancelled: int
    credit_qualities: list[DataQuality] = strawberry.field(
        description="The data qualities of the issuances the credit figures count."
    )


# Totals never mix in invented credits unless asked to (DESIGN §4).
REAL_QUALITIES = [DataQuality.OFFICIAL, DataQuality.SECONDARY]


@strawberry.enum
class SearchKind(Enum):
    PROJECT = "Project"
    ORGANIZATION = "Organization"
    METHODOLOGY = "Methodology"


@strawberry.type(description="A full-text match, best first.")
class SearchHit:
    kind: SearchKind
    key: str
    title: str | None
    score: float = strawberry.field(
        description="Rank, best first: 3 for the words as the whole title, 2 at its start, "
        "1 inside it, 0 otherwise, plus a fraction that favours shorter titles."
    )

    @strawberry.field(description="The matched object.")
    async def node(self, info: Ctx) -> Node | None:
        from schema.root_reads import by_key

        return await by_key(info, self.kind.value, self.key, required=False)


# The fields whose figures cost a part of the statement of their own (cypher/project_stats.py).
FIGURE_FIELDS = {
    "estimatedAnnualReduction": "reduction",
    "creditsIssued": "issued",
    "creditsHeld": "held",
    "creditsRetired": "retired",
    "creditsCancelled": "cancelled",
    "creditsNotified": "notified",
}


def _group(row: dict[str, Any], qualities: list[DataQuality]) -> StatsGroup:
    return StatsGroup(
        country=row["country"],
        sector=row["sector"],
        technology=row["technology"],
        programme=row["programme"],
        year=row["year"],
        status=row["status"],
        project_count=row["projects"],
        estimated_annual_reduction=float(row["reduction"]),
        credits_notified=row["notified"],
        credits_issued=row["issued"],
        credits_held=row["held"],
        credits_retired=row["retired"],
        credits_cancelled=row["cancelled"],
        credit_qualities=qualities,
    )


@strawberry.type(description="A headline figure from a source, e.g. partner countries over time.")
class Statistic(Node):
    key: str
    metric: str
    value: float
    unit: str
    as_of: dt.date | None
    as_of_precision: str | None = strawberry.field(description="DAY, MONTH or YEAR.")
    quote: str = strawberry.field(description="The figure as the source states it.")
    lower_bound: bool | None
    approximate: bool | None
    country: str | None
    programme: str | None
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "statistic", self.key)


@strawberry.type
class AnalyticsQuery:
    @strawberry.field(description="Headline figures with their sources (optionally one metric).")
    async def statistics(self, info: Ctx, metric: str | None = None) -> list[Statistic]:
        rows = await info.context.store.read_many("statistics_list", {"metric": metric})
        return [
            from_row(Statistic, r["node"], country=r["country"], programme=r["programme"])
            for r in rows
        ]

    @strawberry.field(
        description=(
            "Project counts, estimated reductions and credits issued, held, retired and cancelled, "
            "grouped by any combination of dimensions. A project with several sectors, "
            "technologies or programmes counts once in each of its groups. Credits count the "
            "issuances of the data qualities in `creditQuality` (by default OFFICIAL and "
            "SECONDARY: illustrative ledgers stay out of totals unless asked for)."
        )
    )
    async def stats(
        self,
        info: Ctx,
        group_by: list[StatsDimension] | None = None,
        filter: ProjectFilter | None = None,
        credit_quality: list[DataQuality] | None = None,
    ) -> list[StatsGroup]:
        dims = [d.value for d in group_by or []]
        qualities = credit_quality or REAL_QUALITIES
        try:
            rows = await project_stats(
                info.context.store,
                dims,
                to_tree(filter),
                [q.value for q in qualities],
                figures=frozenset(
                    FIGURE_FIELDS[name] for name in selected_names(info) if name in FIGURE_FIELDS
                ),
            )
        except ListingError as exc:
            raise BadUserInput(str(exc)) from None
        return [_group(row, qualities) for row in rows]

    @strawberry.field(
        description=(
            "Full-text search over project titles, organization names and methodology titles. "
            "Every word must match; the last may be the start of a word."
        )
    )
    async def search(self, info: Ctx, text: str, first: int = 10) -> list[SearchHit]:
        if first < 1:
            raise BadUserInput("`first` must be at least 1", field="first")
        if first > MAX_HITS:
            raise LimitExceeded(f"`first` may be at most {MAX_HITS}", field="first")
        if len(text) > 200:
            raise LimitExceeded(
                f"search text may be at most 200 characters ({MAX_WORDS} words)", field="text"
            )
        rows = await search(info.context.store, text, first)
        return [
            SearchHit(
                kind=SearchKind(r["kind"]), key=r["key"], title=r["title"], score=float(r["score"])
            )
            for r in rows
        ]
