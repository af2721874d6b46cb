"""How the root fields read: a page of a listing (a connection), a node by its key, and which
named query loads each node type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strawberry.types import Info

from cypher.listing import Listing, ListingError, count_rows, fetch_page
from schema.context import RequestContext
from schema.decisions import Decision
from schema.errors import BadUserInput, NotFound
from schema.filters import to_order, to_tree
from schema.interop import ExternalRecord, ExternalRegistry, ExternalTerm
from schema.ledger_types import (
    Account,
    CorrespondingAdjustment,
    CreditBlock,
    Series,
    Transaction,
)
from schema.node import Source, from_row
from schema.pagination import Connection, connection, page_size
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
