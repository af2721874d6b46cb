"""The root query fields that browse the graph: lists (connections) and single lookups."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import strawberry
from strawberry.types import Info

from cypher import listings
from cypher.listing import Listing, ListingError, count_rows, fetch_page
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
    to_order,
    to_tree,
)
from schema.interop import ExternalRecord, ExternalRegistry, ExternalTerm
from schema.ledger_types import (
    Account,
    CorrespondingAdjustment,
    CreditBlock,
    Series,
    Transaction,
)
from schema.node import Node, Source, from_row, parse_global_id
from schema.pagination import MAX_PAGE, Connection, connection, page_size
from schema.prefetch import (
    LOOKUPS,
    prefetch,
    prime_related,
    selected_names,
    selected_relations,
)
from schema.project_types import (
    Authorization,
    Issuance,
    MonitoringPeriod,
    Project,
    Validation,
    Verification,
)
from schema.projection import request_projection
from schema.reference_types import (
    Country,
    FundingProgramme,
    Methodology,
    Organization,
    Partnership,
    Sector,
    Technology,
)

Ctx = Info[RequestContext, None]

# Node type -> the query that loads it by key.
NODE_TYPES: dict[str, tuple[type, str]] = {
    cls.__name__: (cls, f"{query}_by_key")
    for cls, query in [
        (Country, "country"),
        (Partnership, "partnership"),
        (Sector, "sector"),
        (Technology, "technology"),
        (Methodology, "methodology"),
        (Organization, "organization"),
        (FundingProgramme, "funding_programme"),
        (Project, "project"),
        (Validation, "validation"),
        (MonitoringPeriod, "monitoring_period"),
        (Verification, "verification"),
        (Issuance, "issuance"),
        (Decision, "decision"),
        (Authorization, "authorization"),
        (Series, "series"),
        (CreditBlock, "credit_block"),
        (Account, "account"),
        (Transaction, "transaction"),
        (CorrespondingAdjustment, "corresponding_adjustment"),
        (ExternalRegistry, "external_registry"),
        (ExternalRecord, "external_record"),
        (ExternalTerm, "external_term"),
        (Source, "source"),
    ]
}


@dataclass(frozen=True)
class Paging:
    """A connection's paging arguments: forward (first, after) or backward (last, before)."""

    first: int | None
    after: str | None
    last: int | None = None
    before: str | None = None


async def list_page(
    info: Ctx,
    listing: Listing,
    cls: type,
    filter_: Any,
    order_by: Any,
    paging: Paging,
) -> Connection[Any]:
    backward = paging.last is not None or paging.before is not None
    if backward and (paging.first is not None or paging.after is not None):
        raise BadUserInput(
            "page forward (first, after) or backward (last, before), not both", field="last"
        )
    size = page_size(paging.last if backward else paging.first)
    tree = to_tree(filter_)
    store = info.context.store
    selected = selected_names(info)
    try:
        page = await fetch_page(
            store,
            listing,
            tree=tree,
            order=to_order(order_by),
            first=size,
            after=paging.before if backward else paging.after,
            backward=backward,
            # The relations selected on the page's nodes, and its total when asked for, come
            # in the same statement.
            relations=selected_relations(info, cls.__name__) if cls.__name__ in LOOKUPS else [],
            with_total="totalCount" in selected,
            projection=request_projection(info._raw_info),
            # Cursors come with edges and pageInfo; most requests select the nodes alone.
            cursors=bool(selected & {"edges", "pageInfo"}),
        )
    except ListingError as exc:
        raise BadUserInput(str(exc)) from None

    async def count() -> int:
        return await count_rows(store, listing, tree)

    prime_related(info, page.related)
    return connection(
        [from_row(cls, row) for row in page.rows],
        page.cursor,
        page.has_next,
        page.total if page.total is not None else count,
        has_previous=page.has_previous,
    )


async def by_key(info: Ctx, type_name: str, key: str, *, required: bool = True) -> Any:
    cls, query = NODE_TYPES[type_name]
    if type_name in LOOKUPS and info.path.prev is None:
        # A root lookup: the node and the relations selected on it in one round trip, which
        # also says when there is none.
        row = (await prefetch(info, type_name, [key])).get(key)
    else:
        row = await info.context.loaders.by_key(query).load(key)
    if row is None:
        if required:
            raise NotFound(f"no {type_name} with key {key!r}", type=type_name, key=key)
        return None
    return from_row(cls, row)


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
