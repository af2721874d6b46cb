"""Projects and what happens to them: participants, funding, validation, monitoring,
verification, issuance decisions and Article 6.2 authorizations."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from cypher.store import Row
from schema.context import RequestContext
from schema.node import (
    Basis,
    Conflict,
    DataQuality,
    Node,
    Source,
    conflicts_of,
    from_row,
    node_relation,
    related_rows,
    row_relation,
    source_of_row,
    sources_of,
)
from schema.pagination import Connection, nested_connection
from schema.reference_types import (
    Country,
    FundingProgramme,
    Methodology,
    Organization,
    Partnership,
    Technology,
    related,
    related_one,
)

if TYPE_CHECKING:
    from schema.decisions import Decision
    from schema.interop import ExternalLink
    from schema.ledger_types import CreditBlock, Series

Ctx = Info[RequestContext, None]
SeriesRef = Annotated["Series", strawberry.lazy("schema.ledger_types")]
CreditBlockRef = Annotated["CreditBlock", strawberry.lazy("schema.ledger_types")]
ExternalLinkRef = Annotated["ExternalLink", strawberry.lazy("schema.interop")]
DecisionRef = Annotated["Decision", strawberry.lazy("schema.decisions")]


@strawberry.type(description="An organization's part in a project.")
class Participation:
    role: str
    side: str = strawberry.field(description="JP or PARTNER.")
    note: str | None
    organization: Organization


@strawberry.type(description="Support a project received from a programme.")
class Funding:
    amount: float | None
    currency: str | None
    fiscal_year: int | None
    subsidy_rate: float | None
    note: str | None
    programme: FundingProgramme


@strawberry.type(description="A methodology a project applies, and how that link is known.")
class MethodologyUse:
    basis: str | None = strawberry.field(description="Set when the link is inferred.")
    version: str | None = strawberry.field(
        description="The methodology version the project applies, as listed (e.g. `Ver2.0`)."
    )
    methodology: Methodology


def _participation(row: Row) -> Participation:
    return from_row(Participation, row["rel"], organization=from_row(Organization, row["node"]))


def _funding(row: Row) -> Funding:
    return from_row(Funding, row["rel"], programme=from_row(FundingProgramme, row["node"]))


def _methodology_use(row: Row) -> MethodologyUse:
    rel = row["rel"]
    return MethodologyUse(
        basis=rel.get("basis"),
        version=rel.get("version"),
        methodology=from_row(Methodology, row["node"]),
    )


@strawberry.type(description="A JCM project (registered, validated, selected or planned).")
class Project(Node):
    ref: str = strawberry.field(description="JCM reference number, or `X-…` when none is public.")
    official_ref: bool
    title: str
    title_complete: bool | None
    status: str
    status_as_given: str | None
    host_country_code: str = strawberry.field(metadata={"prop": "hostCountry"})
    registered_on: dt.date | None
    started_on: dt.date | None
    selected_on: dt.date | None
    pin_no_objection_on: dt.date | None
    operational_lifetime_years: int | None
    location: str | None
    estimated_annual_reduction: float | None = strawberry.field(description="tCO2e a year.")
    ghg_reduction_as_listed: float | None = strawberry.field(
        description="A reduction figure as a source lists it, unit unstated."
    )
    note: str | None
    data_quality: DataQuality
    resubmitted_as_ref: strawberry.Private[str | None] = dataclasses.field(
        default=None, metadata={"prop": "resubmittedAs"}
    )
    former_refs_raw: strawberry.Private[list[str] | None] = dataclasses.field(
        default=None, metadata={"prop": "formerRefs"}
    )
    derived_from_raw: strawberry.Private[list[str] | None] = dataclasses.field(
        default=None, metadata={"prop": "derivedFrom"}
    )
    technologies_basis_raw: strawberry.Private[str | None] = dataclasses.field(
        default=None, metadata={"prop": "technologiesBasis"}
    )
    conflicts_raw: strawberry.Private[str | None] = dataclasses.field(
        default=None, metadata={"prop": "conflicts"}
    )

    @strawberry.field
    @row_relation(source_of_row)
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "project", self.ref)

    @strawberry.field(
        description="Placeholder references (`X-…`) this project had before its real one "
        "was known; `project(ref:)` still finds it by them."
    )
    def former_refs(self) -> list[str]:
        return list(self.former_refs_raw or [])

    @strawberry.field(
        description="The official pages a source copied, when a source is a copy (e.g. a "
        "third party's scrape of the JCM's project table)."
    )
    def derived_from(self) -> list[str]:
        return list(self.derived_from_raw or [])

    @strawberry.field(
        description="How the links to `technologies` were made: INFERRED from the title "
        "(JCM Graph's taxonomy), or STATED by a source."
    )
    def technologies_basis(self) -> Basis | None:
        return Basis(self.technologies_basis_raw) if self.technologies_basis_raw else None

    @strawberry.field(description="Fields on which the sources disagree, each value sourced.")
    def conflicts(self) -> list[Conflict]:
        return conflicts_of(self.conflicts_raw)

    @strawberry.field(description="For a WITHDRAWN project: the project it was resubmitted as.")
    async def resubmitted_as(self, info: Ctx) -> Project | None:
        if not self.resubmitted_as_ref:
            return None
        row = await info.context.loaders.by_key("project_by_key").load(self.resubmitted_as_ref)
        return from_row(Project, row) if row else None

    @strawberry.field
    @node_relation
    def host_country(self, info: Ctx) -> Country | None:
        return related_one(info, "project_host_country", self.ref, Country)

    @strawberry.field
    @node_relation
    def partnership(self, info: Ctx) -> Partnership | None:
        return related_one(info, "project_partnership", self.ref, Partnership)

    @strawberry.field
    @node_relation
    def technologies(self, info: Ctx) -> list[Technology]:
        return related(info, "project_technologies", self.ref, Technology)

    @strawberry.field
    @row_relation(_methodology_use)
    def methodologies(self, info: Ctx) -> list[MethodologyUse]:
        return related_rows(info, "project_methodologies", self.ref, _methodology_use)

    @strawberry.field
    @row_relation(_participation)
    def participants(self, info: Ctx) -> list[Participation]:
        return related_rows(info, "project_participants", self.ref, _participation)

    @strawberry.field
    @row_relation(_funding)
    def funding(self, info: Ctx) -> list[Funding]:
        return related_rows(info, "project_funding", self.ref, _funding)

    @strawberry.field
    @node_relation
    def validations(self, info: Ctx) -> list[Validation]:
        return related(info, "project_validations", self.ref, Validation)

    @strawberry.field
    @node_relation
    def monitoring_periods(self, info: Ctx) -> list[MonitoringPeriod]:
        return related(info, "project_monitoring_periods", self.ref, MonitoringPeriod)

    @strawberry.field(description="Joint Committee issuance decisions for this project.")
    @node_relation
    def issuances(self, info: Ctx) -> list[Issuance]:
        return related(info, "project_issuances", self.ref, Issuance)

    @strawberry.field(description="Records of other registries linked to this project.")
    async def external_records(self, info: Ctx) -> list[ExternalLinkRef]:
        from schema.interop import ExternalRecord, link

        rows = await info.context.loaders.related("project_external_links").load(self.ref)
        return [
            link(r["rel"], record=from_row(ExternalRecord, r["node"]), project=self) for r in rows
        ]

    @strawberry.field(
        description="Joint Committee decisions about this project (e.g. no objection to its PIN)."
    )
    @node_relation
    def decisions(self, info: Ctx) -> list[DecisionRef]:
        from schema.decisions import decisions_about

        return decisions_about(info, "project_decisions", self.ref)

    @strawberry.field(description="Article 6.2 authorizations covering this project.")
    @node_relation
    def authorizations(self, info: Ctx) -> list[Authorization]:
        return related(info, "project_authorizations", self.ref, Authorization)


@strawberry.type(description="A TPE's validation of a project.")
class Validation(Node):
    key: str
    report_on: dt.date | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "validation", self.key)

    @strawberry.field(description="The third-party entity that validated.")
    def tpe(self, info: Ctx) -> Organization | None:
        return related_one(info, "validation_tpe", self.key, Organization)


@strawberry.type(description="A period whose emission reductions were monitored.")
class MonitoringPeriod(Node):
    key: str
    start_on: dt.date | None
    end_on: dt.date | None
    approx_months: int | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "monitoring_period", self.key)

    @strawberry.field
    def verifications(self, info: Ctx) -> list[Verification]:
        return related(info, "monitoring_period_verifications", self.key, Verification)


@strawberry.type(description="A TPE's verification of a monitoring period.")
class Verification(Node):
    key: str
    report_on: dt.date | None
    verified_quantity: int | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "verification", self.key)

    @strawberry.field
    def tpe(self, info: Ctx) -> Organization | None:
        return related_one(info, "verification_tpe", self.key, Organization)


@strawberry.type(description="A Joint Committee's decision to issue credits for a project.")
class Issuance(Node):
    key: str
    decided_on: dt.date | None
    reported_on: dt.date | None
    issued_on: dt.date | None
    japan_registry_issued_on: dt.date | None
    joint_committee: str | None
    notified_total: int | None = strawberry.field(description="tCO2e notified for issuance.")
    japan_government_share: int | None = strawberry.field(
        description="tCO2e of this issuance delivered to the Government of Japan."
    )
    partner_government_share: int | None = strawberry.field(
        description="tCO2e of this issuance delivered to the partner country's government."
    )
    japan_side_notified: int | None = strawberry.field(
        description="tCO2e notified for issuance in Japan's registry."
    )
    partner_side_notified: int | None = strawberry.field(
        description="tCO2e notified for issuance in the partner country's registry."
    )
    as_itmo: bool | None
    note: str | None
    data_quality: DataQuality
    derived_from_raw: strawberry.Private[list[str] | None] = dataclasses.field(
        default=None, metadata={"prop": "derivedFrom"}
    )
    conflicts_raw: strawberry.Private[str | None] = dataclasses.field(
        default=None, metadata={"prop": "conflicts"}
    )

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "issuance", self.key)

    @strawberry.field(description="The official pages a source copied, when it is a copy.")
    def derived_from(self) -> list[str]:
        return list(self.derived_from_raw or [])

    @strawberry.field(description="Fields on which the sources disagree, each value sourced.")
    def conflicts(self) -> list[Conflict]:
        return conflicts_of(self.conflicts_raw)

    @strawberry.field(description="The project the decision names first.")
    def project(self, info: Ctx) -> Project | None:
        return related_one(info, "issuance_project", self.key, Project)

    @strawberry.field(
        description="Every project the decision covers: the one it names first, then any "
        "others decided together (e.g. MN001 and MN002 in 2016)."
    )
    def projects(self, info: Ctx) -> list[Project]:
        return related(info, "issuance_project", self.key, Project)

    @strawberry.field
    def monitoring_period(self, info: Ctx) -> MonitoringPeriod | None:
        return related_one(info, "issuance_monitoring_period", self.key, MonitoringPeriod)

    @strawberry.field
    def verification(self, info: Ctx) -> Verification | None:
        return related_one(info, "issuance_verification", self.key, Verification)

    @strawberry.field(description="The series each registry opened for this issuance.")
    @node_relation
    def series(self, info: Ctx) -> list[SeriesRef]:
        from schema.ledger_types import Series

        return related(info, "issuance_series", self.key, Series)

    @strawberry.field(description="Its credit blocks, a page at a time (superseded ones too).")
    def blocks(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[CreditBlockRef]:
        from schema.ledger_types import CreditBlock

        return nested_connection(
            info,
            "issuance_blocks",
            self.key,
            first,
            after,
            lambda item: from_row(CreditBlock, item["node"]),
            "id",
        )


@strawberry.type(description="A partner's Article 6.2 authorization of a project's credits.")
class Authorization(Node):
    key: str
    party: str = strawberry.field(description="The authorizing country's code.")
    on: dt.date | None
    purposes: list[str] = strawberry.field(description="NDC and/or OIMP.")
    document: str | None
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "authorization", self.key)

    @strawberry.field
    def authorizing_country(self, info: Ctx) -> Country | None:
        return related_one(info, "authorization_party", self.key, Country)

    @strawberry.field
    def projects(self, info: Ctx) -> list[Project]:
        return related(info, "authorization_projects", self.key, Project)
