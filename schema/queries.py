"""The root query fields that browse the graph: lists (connections) and single lookups."""

from __future__ import annotations

import asyncio

import strawberry
from strawberry.types import Info

from cypher import listings
from schema.context import RequestContext
from schema.decisions import Decision
from schema.errors import BadUserInput, LimitExceeded, NotFound
from schema.filters import (
    CountryFilter,
    CountryOrder,
    CreditBlockFilter,
    CreditBlockOrder,
    DecisionFilter,
    DecisionOrder,
    IssuanceFilter,
    IssuanceOrder,
    KeyedFilter,
    MethodologyFilter,
    MethodologyOrder,
    OrganizationFilter,
    OrganizationOrder,
    PartnershipFilter,
    PartnershipOrder,
    ProjectFilter,
    ProjectOrder,
)
from schema.ledger_types import CreditBlock
from schema.node import Node, from_row, parse_global_id
from schema.pagination import MAX_PAGE, Connection
from schema.project_types import Issuance, Project
from schema.reference_types import (
    Country,
    FundingProgramme,
    Methodology,
    Organization,
    Partnership,
    Sector,
    Technology,
)
from schema.root_reads import NODE_TYPES, Paging, by_key, list_page

Ctx = Info[RequestContext, None]


@strawberry.type
class BrowseQuery:
    @strawberry.field(description="Countries: Japan, the JCM partners, ASEAN states and more.")
    async def countries(
        self,
        info: Ctx,
        filter: CountryFilter | None = None,
        order_by: list[CountryOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Country]:
        return await list_page(
            info, listings.COUNTRIES, Country, filter, order_by, Paging(first, after, last, before)
        )

    @strawberry.field(description="One country by its ISO code.")
    async def country(self, info: Ctx, code: str) -> Country | None:
        return await by_key(info, "Country", code.upper())

    @strawberry.field(description="The bilateral partnerships.")
    async def partnerships(
        self,
        info: Ctx,
        filter: PartnershipFilter | None = None,
        order_by: list[PartnershipOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Partnership]:
        return await list_page(
            info,
            listings.PARTNERSHIPS,
            Partnership,
            filter,
            order_by,
            Paging(first, after, last, before),
        )

    @strawberry.field(description="One partnership by its key, e.g. `JP-MN`.")
    async def partnership(self, info: Ctx, key: str) -> Partnership | None:
        return await by_key(info, "Partnership", key)

    @strawberry.field(description="Projects: filter, sort and page.")
    async def projects(
        self,
        info: Ctx,
        filter: ProjectFilter | None = None,
        order_by: list[ProjectOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Project]:
        return await list_page(
            info, listings.PROJECTS, Project, filter, order_by, Paging(first, after, last, before)
        )

    @strawberry.field(
        description="One project by its reference, e.g. `ID004`; a former placeholder "
        "reference (`X-BD-01`) finds the project that now has a real one."
    )
    async def project(self, info: Ctx, ref: str) -> Project | None:
        found = await by_key(info, "Project", ref, required=False)
        if found is None:
            rows = await info.context.store.read("project_by_former_ref", {"ref": ref})
            if not rows:
                raise NotFound(f"no Project with key {ref!r}", type="Project", key=ref)
            found = from_row(Project, rows[0]["node"])
        return found

    @strawberry.field(description="Approved methodologies.")
    async def methodologies(
        self,
        info: Ctx,
        filter: MethodologyFilter | None = None,
        order_by: list[MethodologyOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Methodology]:
        return await list_page(
            info,
            listings.METHODOLOGIES,
            Methodology,
            filter,
            order_by,
            Paging(first, after, last, before),
        )

    @strawberry.field(description="One methodology by its key, e.g. `VN_AM001`.")
    async def methodology(self, info: Ctx, key: str) -> Methodology | None:
        return await by_key(info, "Methodology", key)

    @strawberry.field(
        description="Issuance decisions (a Joint Committee's notification and the registries' "
        "issuances under it): filter by project, host country, registry, decision date."
    )
    async def issuances(
        self,
        info: Ctx,
        filter: IssuanceFilter | None = None,
        order_by: list[IssuanceOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Issuance]:
        return await list_page(
            info, listings.ISSUANCES, Issuance, filter, order_by, Paging(first, after, last, before)
        )

    @strawberry.field(
        description="Joint Committee decisions (methodology approvals and revisions, TPE "
        "designations, no objection to PINs, rules and meetings): filter by type, partner "
        "country, what they concern and date."
    )
    async def decisions(
        self,
        info: Ctx,
        filter: DecisionFilter | None = None,
        order_by: list[DecisionOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Decision]:
        return await list_page(
            info, listings.DECISIONS, Decision, filter, order_by, Paging(first, after, last, before)
        )

    @strawberry.field(description="One Joint Committee decision by its key.")
    async def decision(self, info: Ctx, key: str) -> Decision | None:
        return await by_key(info, "Decision", key)

    @strawberry.field(description="One issuance decision by its key.")
    async def issuance(self, info: Ctx, key: str) -> Issuance | None:
        return await by_key(info, "Issuance", key)

    @strawberry.field(description="Companies, agencies, banks, governments and TPEs.")
    async def organizations(
        self,
        info: Ctx,
        filter: OrganizationFilter | None = None,
        order_by: list[OrganizationOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Organization]:
        return await list_page(
            info,
            listings.ORGANIZATIONS,
            Organization,
            filter,
            order_by,
            Paging(first, after, last, before),
        )

    @strawberry.field
    async def organization(self, info: Ctx, key: str) -> Organization | None:
        return await by_key(info, "Organization", key)

    @strawberry.field(description="Funding programmes.")
    async def funding_programmes(
        self,
        info: Ctx,
        filter: KeyedFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[FundingProgramme]:
        return await list_page(
            info,
            listings.FUNDING_PROGRAMMES,
            FundingProgramme,
            filter,
            None,
            Paging(first, after, last, before),
        )

    @strawberry.field
    async def funding_programme(self, info: Ctx, key: str) -> FundingProgramme | None:
        return await by_key(info, "FundingProgramme", key)

    @strawberry.field(description="The technology taxonomy.")
    async def technologies(
        self,
        info: Ctx,
        filter: KeyedFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Technology]:
        return await list_page(
            info,
            listings.TECHNOLOGIES,
            Technology,
            filter,
            None,
            Paging(first, after, last, before),
        )

    @strawberry.field(description="The 15 sectoral scopes.")
    async def sectors(
        self,
        info: Ctx,
        filter: KeyedFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Sector]:
        return await list_page(
            info, listings.SECTORS, Sector, filter, None, Paging(first, after, last, before)
        )

    @strawberry.field(description="Credit blocks of the ledger.")
    async def credit_blocks(
        self,
        info: Ctx,
        filter: CreditBlockFilter | None = None,
        order_by: list[CreditBlockOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CreditBlock]:
        return await list_page(
            info,
            listings.CREDIT_BLOCKS,
            CreditBlock,
            filter,
            order_by,
            Paging(first, after, last, before),
        )

    @strawberry.field(description="Any object by its global id.")
    async def node(self, info: Ctx, id: strawberry.ID) -> Node | None:
        type_name, key = parse_global_id(id)
        if type_name not in NODE_TYPES:
            raise BadUserInput(f"{id!r} is not a node id given out by this API", field="id")
        return await by_key(info, type_name, key, required=False)

    @strawberry.field(
        description="Several objects by their global ids, in the order given; null for an id "
        "that names nothing (at most 100 ids). Lookups of one type are batched."
    )
    async def nodes(self, info: Ctx, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > MAX_PAGE:
            raise LimitExceeded(f"give at most {MAX_PAGE} ids", field="ids", max=MAX_PAGE)
        parsed = [parse_global_id(i) for i in ids]
        for given, (type_name, _) in zip(ids, parsed, strict=True):
            if type_name not in NODE_TYPES:
                raise BadUserInput(f"{given!r} is not a node id given out by this API", field="ids")
        return list(await asyncio.gather(*(by_key(info, t, k, required=False) for t, k in parsed)))
