"""`jcmProgress`: the programme against its public targets, every figure with its source."""

from __future__ import annotations

import asyncio
import datetime as dt

import strawberry
from strawberry.types import Info

from schema.analytics import REAL_QUALITIES, Statistic
from schema.context import RequestContext
from schema.node import DataQuality, data_quality, from_row

Ctx = Info[RequestContext, None]

# Statistic metrics that state a target or a count the programme announced.
TARGET_METRICS = ("REDUCTION_TARGET", "PARTNER_TARGET", "PROJECT_TARGET")
COUNT_METRICS = ("PARTNER_COUNTRIES", "PROJECTS", "PROJECTS_SELECTED", "CREDITS_ISSUED")


@strawberry.type(description="One partnership signing, with the count of partners it made.")
class PartnerSigning:
    partnership: str = strawberry.field(description="The partnership's key, e.g. `JP-MN`.")
    partner: str = strawberry.field(description="The partner's ISO 3166-1 alpha-2 code.")
    name: str = strawberry.field(description="The partner country's name.")
    signed_on: dt.date | None = strawberry.field(
        description="Date the partnership document was signed; null when no source dates it."
    )
    signed_on_basis: str | None = strawberry.field(
        description="`stated` when a source gives the date, `derived` when it was read from "
        "a document's address."
    )
    partner_count: int | None = strawberry.field(
        description="Partners with a dated signing up to and including this one; null for an "
        "undated signing."
    )
    data_quality: DataQuality


@strawberry.type(description="Projects at one stage of the JCM cycle.")
class StageCount:
    status: str = strawberry.field(description="A `ProjectStatus` value.")
    projects: int = strawberry.field(description="Projects at this stage in the graph.")
    official: int = strawberry.field(description="Of those, records labelled OFFICIAL.")


@strawberry.type(description="Credits notified for issuance in one year.")
class CreditYear:
    year: int | None = strawberry.field(
        description="Year of the decision (else of the registry issuance or the report); null "
        "for records no source dates."
    )
    notified: int = strawberry.field(description="tCO2e notified for issuance that year.")
    cumulative: int = strawberry.field(description="tCO2e notified up to and including it.")
    decisions: int = strawberry.field(description="Issuance decisions counted.")
    undisclosed: int = strawberry.field(
        description="Of those, decisions whose amount is not public (counted as 0 tCO2e)."
    )


@strawberry.type(
    description="The JCM's progress: partners over time, projects by stage, credits over time, "
    "and the public targets and counts they can be compared with, each with its sources."
)
class JcmProgress:
    partners: list[PartnerSigning] = strawberry.field(
        description="Partnerships in signing order (undated ones last), with the running count."
    )
    projects_by_stage: list[StageCount] = strawberry.field(
        description="Projects per status, as the graph holds them."
    )
    credits_by_year: list[CreditYear] = strawberry.field(
        description="Credits notified per year, of the data qualities asked for."
    )
    credit_qualities: list[DataQuality] = strawberry.field(
        description="The data qualities `creditsByYear` counts."
    )
    targets: list[Statistic] = strawberry.field(
        description="Public targets (e.g. 100 Mt of reductions by FY2030), with their sources."
    )
    published_counts: list[Statistic] = strawberry.field(
        description="Counts the programme or others published (partners, projects, credits), "
        "with their dates and sources, to set beside the graph's own."
    )


@strawberry.type
class ProgressQuery:
    @strawberry.field(
        description="The programme against its public targets. Credits count the issuance "
        "records of the data qualities in `creditQuality` (by default OFFICIAL and SECONDARY)."
    )
    async def jcm_progress(
        self, info: Ctx, credit_quality: list[DataQuality] | None = None
    ) -> JcmProgress:
        store = info.context.store
        qualities = credit_quality or REAL_QUALITIES
        # Four independent reads: sent together, not one after another.
        signings, stages, years, statistics = await asyncio.gather(
            store.read("progress_partner_signings"),
            store.read("progress_projects_by_status"),
            store.read("progress_credits_by_year", {"qualities": [q.value for q in qualities]}),
            store.read_many("statistics_list", {"metric": None}),
        )
        partners, count = [], 0
        for row in signings:
            if row["signedOn"] is not None:
                count += 1
            partners.append(
                PartnerSigning(
                    partnership=row["partnership"],
                    partner=row["partner"],
                    name=row["name"],
                    signed_on=row["signedOn"],
                    signed_on_basis=row["basis"],
                    partner_count=count if row["signedOn"] is not None else None,
                    data_quality=data_quality(row["dataQuality"]),
                )
            )
        credit_years, total = [], 0
        for row in years:
            total += row["notified"]
            credit_years.append(CreditYear(cumulative=total, **row))

        def stats_of(metrics: tuple[str, ...]) -> list[Statistic]:
            return [
                from_row(Statistic, r["node"], country=r["country"], programme=r["programme"])
                for r in statistics
                if r["node"]["metric"] in metrics
            ]

        return JcmProgress(
            partners=partners,
            projects_by_stage=[StageCount(**row) for row in stages],
            credits_by_year=credit_years,
            credit_qualities=qualities,
            targets=stats_of(TARGET_METRICS),
            published_counts=stats_of(COUNT_METRICS),
        )
