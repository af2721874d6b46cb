"""The JCM's reference entities: countries, partnerships, sectors, technologies,
methodologies, organizations and funding programmes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from schema.context import RequestContext
from schema.node import (
    DataQuality,
    Node,
    Source,
    first_node_of,
    from_row,
    loaded,
    node_relation,
    nodes_of,
    row_relation,
    source_of_row,
    sources_of,
)
from schema.pagination import Connection, nested_connection

if TYPE_CHECKING:
    from schema.decisions import Decision
    from schema.interop import ExternalTerm
    from schema.ledger_types import Account
    from schema.project_types import Project

ProjectRef = Annotated["Project", strawberry.lazy("schema.project_types")]
AccountRef = Annotated["Account", strawberry.lazy("schema.ledger_types")]
TermRef = Annotated["ExternalTerm", strawberry.lazy("schema.interop")]
DecisionRef = Annotated["Decision", strawberry.lazy("schema.decisions")]
Ctx = Info[RequestContext, None]


def project_item(item: dict[str, Any]) -> Project:
    from schema.project_types import Project

    return from_row(Project, item["node"])


# What a relation resolver returns: the value itself when a compiled read primed the loader,
# else an awaitable (schema/node.py's `loaded`).
Resolved = Any


def related(info: Ctx, query: str, key: Any, cls: type) -> Resolved:
    return loaded(info, info.context.loaders.related(query), key, nodes_of(cls))


def related_one(info: Ctx, query: str, key: Any, cls: type) -> Resolved:
    return loaded(info, info.context.loaders.related(query), key, first_node_of(cls))


def projects_page(query: str) -> Any:
    """A `projects` connection field for a type whose graph key is `key`."""

    def resolve(
        self: Any, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[ProjectRef]:
        return _projects(info, query, self.key, first, after)

    return strawberry.field(resolver=resolve, description="Projects, a page at a time.")


def _country_projects() -> Any:
    """Country's `projects`: keyed by `code` (read as such, so a request that selects it
    still reads only the country properties it needs: schema/projection.py)."""

    def resolve(
        self: Any, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[ProjectRef]:
        return _projects(info, "country_projects", self.code, first, after)

    return strawberry.field(resolver=resolve, description="Projects, a page at a time.")


def _projects(
    info: Ctx, query: str, key: Any, first: int | None, after: str | None
) -> Connection[ProjectRef]:
    return nested_connection(info, query, key, first, after, project_item, "ref")


@strawberry.type(description="A country: Japan, a JCM partner, an ASEAN state or a TPE's home.")
class Country(Node):
    code: str = strawberry.field(description="ISO 3166-1 alpha-2.")
    name: str
    iso3: str | None
    region: str | None
    asean: bool
    jcm_partner: bool
    jcm_site_prefix: str | None
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    @row_relation(source_of_row)
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "country", self.code)

    @strawberry.field(description="The JCM partnerships this country is part of.")
    @node_relation
    def partnerships(self, info: Ctx) -> list[Partnership]:
        return related(info, "country_partnerships", self.code, Partnership)

    projects: Connection[ProjectRef] = _country_projects()

    @strawberry.field(description="Registry accounts of this country's government.")
    def accounts(self, info: Ctx) -> list[AccountRef]:
        from schema.ledger_types import Account

        return related(info, "country_accounts", self.code, Account)


@strawberry.type(description="A third-party entity's designation under one partnership.")
class TpeDesignation:
    id: str
    number: str | None
    designated_on: dt.date | None
    status: str
    scopes_validation: str | None
    scopes_verification: str | None
    name_as_listed: str | None
    note: str | None
    data_quality: DataQuality
    source_urls: list[str]
    organization: Organization
    partnership_key: strawberry.Private[str]

    @strawberry.field
    async def partnership(self, info: Ctx) -> Partnership | None:
        row = await info.context.loaders.by_key("partnership_by_key").load(self.partnership_key)
        return from_row(Partnership, row) if row else None


def designation(
    rel: dict[str, Any], organization: Organization, partnership: str
) -> TpeDesignation:
    return from_row(
        TpeDesignation,
        rel,
        organization=organization,
        partnership_key=partnership,
        source_urls=rel.get("sources") or [],
    )


@strawberry.type(description="The bilateral JCM partnership between Japan and one country.")
class Partnership(Node):
    key: str = strawberry.field(description="`JP-` and the partner's code.")
    order: int | None = strawberry.field(description="Position in MOFA's list of partners.")
    partner_number: int | None
    signed_on: dt.date | None
    signed_at: str | None
    signed_on_basis: str | None = strawberry.field(
        description="`stated` by the source, or `derived` (read from a document's URL)."
    )
    document_title: str | None
    signers: list[str] | None
    status: str
    first_joint_committee_on: dt.date | None
    first_joint_committee_at: str | None
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "partnership", self.key)

    @strawberry.field(description="Japan and the partner country.")
    def countries(self, info: Ctx) -> list[Country]:
        return related(info, "partnership_countries", self.key, Country)

    @strawberry.field(description="Third-party entities designated under this partnership.")
    async def tpes(self, info: Ctx) -> list[TpeDesignation]:
        rows = await info.context.loaders.related("partnership_tpes").load(self.key)
        return [designation(r["rel"], from_row(Organization, r["node"]), self.key) for r in rows]

    @strawberry.field(description="Methodologies approved by this partnership's Joint Committee.")
    def methodologies(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[Methodology]:
        return nested_connection(
            info,
            "partnership_methodologies",
            self.key,
            first,
            after,
            lambda item: from_row(Methodology, item["node"]),
            "id",
        )

    projects: Connection[ProjectRef] = projects_page("partnership_projects")


@strawberry.type(description="One of the JCM's 15 sectoral scopes.")
class Sector(Node):
    key: str
    number: int
    name: str
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "sector", self.key)

    @strawberry.field
    def technologies(self, info: Ctx) -> list[Technology]:
        return related(info, "sector_technologies", self.key, Technology)

    @strawberry.field(description="The CAD Trust pick-list values this scope maps to.")
    def cadt_terms(self, info: Ctx) -> list[TermRef]:
        from schema.interop import ExternalTerm

        return related(info, "sector_cadt_terms", self.key, ExternalTerm)

    @strawberry.field
    def methodologies(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[Methodology]:
        return nested_connection(
            info,
            "sector_methodologies",
            self.key,
            first,
            after,
            lambda item: from_row(Methodology, item["node"]),
            "id",
        )


@strawberry.type(description="A technology of JCM Graph's taxonomy.")
class Technology(Node):
    key: str
    name: str
    category: str
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "technology", self.key)

    @strawberry.field(description="The sectoral scopes this technology usually falls under.")
    @node_relation
    def sectors(self, info: Ctx) -> list[Sector]:
        return related(info, "technology_sectors", self.key, Sector)

    @strawberry.field(description="The CAD Trust pick-list values this technology maps to.")
    def cadt_terms(self, info: Ctx) -> list[TermRef]:
        from schema.interop import ExternalTerm

        return related(info, "technology_cadt_terms", self.key, ExternalTerm)

    projects: Connection[ProjectRef] = projects_page("technology_projects")


@strawberry.type(description="An approved JCM methodology.")
class Methodology(Node):
    key: str = strawberry.field(description="e.g. `VN_AM001`.")
    title: str | None
    proposed_as: str | None
    version: str | None
    status: str | None
    approved_on: dt.date | None
    revised_on: dt.date | None
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "methodology", self.key)

    @strawberry.field
    def partnership(self, info: Ctx) -> Partnership | None:
        return related_one(info, "methodology_partnership", self.key, Partnership)

    @strawberry.field(description="The Joint Committee decisions that approved or revised it.")
    def decisions(self, info: Ctx) -> list[DecisionRef]:
        from schema.decisions import decisions_about

        return decisions_about(info, "methodology_decisions", self.key)

    @strawberry.field
    def sector(self, info: Ctx) -> Sector | None:
        return related_one(info, "methodology_sector", self.key, Sector)

    projects: Connection[ProjectRef] = projects_page("methodology_projects")


@strawberry.type(description="A company, government body, agency, bank or TPE.")
class Organization(Node):
    key: str
    name: str
    kind: str
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    @row_relation(source_of_row)
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "organization", self.key)

    @strawberry.field
    @node_relation
    def country(self, info: Ctx) -> Country | None:
        return related_one(info, "organization_country", self.key, Country)

    @strawberry.field(description="Joint Committee decisions that name it (TPE designations).")
    @node_relation
    def decisions(self, info: Ctx) -> list[DecisionRef]:
        from schema.decisions import decisions_about

        return decisions_about(info, "organization_decisions", self.key)

    @strawberry.field(description="Where this organization is designated as a TPE.")
    async def tpe_designations(self, info: Ctx) -> list[TpeDesignation]:
        rows = await info.context.loaders.related("organization_tpe_designations").load(self.key)
        return [designation(r["rel"], self, r["node"]["id"]) for r in rows]

    projects: Connection[ProjectRef] = projects_page("organization_projects")

    @strawberry.field
    def accounts(self, info: Ctx) -> list[AccountRef]:
        from schema.ledger_types import Account

        return related(info, "organization_accounts", self.key, Account)


@strawberry.type(description="Who administers or implements a funding programme.")
class Administrator:
    role: str
    organization: Organization


@strawberry.type(description="A programme that funds JCM projects.")
class FundingProgramme(Node):
    key: str
    name: str
    kind: str
    max_subsidy_rate: float | None
    cap_jpy: float | None
    launched_in: int | None
    established_in: int | None
    fund_size_usd: float | None
    credit_rule: str | None
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "funding_programme", self.key)

    @strawberry.field
    async def administrators(self, info: Ctx) -> list[Administrator]:
        rows = await info.context.loaders.related("programme_administrators").load(self.key)
        return [
            Administrator(
                role=r["rel"].get("role") or "ADMINISTRATOR",
                organization=from_row(Organization, r["node"]),
            )
            for r in rows
        ]

    projects: Connection[ProjectRef] = projects_page("programme_projects")
