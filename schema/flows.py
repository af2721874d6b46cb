"""`creditFlows`: who moved how much to whom, shaped for a Sankey diagram."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry
from strawberry.types import Info

from cypher.dates import query_date
from schema.analytics import REAL_QUALITIES
from schema.context import RequestContext
from schema.errors import BadUserInput
from schema.ledger_scans import ledger_scan
from schema.node import DataQuality

Ctx = Info[RequestContext, None]


@strawberry.enum
class FlowGrouping(Enum):
    ORGANIZATION = "ORGANIZATION"
    COUNTRY = "COUNTRY"
    REGISTRY = "REGISTRY"
    ACCOUNT_KIND = "ACCOUNT_KIND"
    ACCOUNT = "ACCOUNT"


@strawberry.type
class FlowNode:
    key: str
    label: str


@strawberry.type
class FlowLink:
    source: str
    target: str
    quantity: int
    transactions: int


@strawberry.type(description="Nodes and links of a Sankey diagram of credit movements.")
class CreditFlows:
    nodes: list[FlowNode]
    links: list[FlowLink] = strawberry.field(description="Between different groups.")
    issued: int = strawberry.field(description="Units issued in the window ('ISSUANCE' out).")
    within_groups: int = strawberry.field(
        description="Units moved inside one group (not drawn as links)."
    )
    data_qualities: list[DataQuality] = strawberry.field(
        description="The data qualities of the transactions counted."
    )


@strawberry.type
class FlowQuery:
    @strawberry.field(
        description=(
            "Quantities moved between holders over a date window, grouped; issuances flow out of "
            "the node 'ISSUANCE', so for each group inflow minus outflow is what it holds. Only "
            "transactions of the data qualities in `dataQuality` count (by default OFFICIAL and "
            "SECONDARY: illustrative moves stay out unless asked for)."
        )
    )
    async def credit_flows(
        self,
        info: Ctx,
        group_by: FlowGrouping = FlowGrouping.ORGANIZATION,
        from_date: dt.date | None = strawberry.UNSET,
        to_date: dt.date | None = None,
        series_prefix: str = "",
        data_quality: list[DataQuality] | None = None,
    ) -> CreditFlows:
        qualities = data_quality or REAL_QUALITIES
        start = from_date
        if start and to_date and start > to_date:
            raise BadUserInput("fromDate is after toDate", field="fromDate")
        async with ledger_scan(info.context):
            rows = await info.context.store.read_many(
                "credit_flows",
                {
                    "groupBy": group_by.value,
                    "from": query_date(start),
                    "to": query_date(to_date),
                    "seriesPrefix": series_prefix,
                    "qualities": [q.value for q in qualities],
                },
            )
        labels: dict[str, str] = {}
        links, within, issued = [], 0, 0
        for r in rows:
            labels.setdefault(r["source"], r["sourceLabel"])
            labels.setdefault(r["target"], r["targetLabel"])
            if r["source"] == "ISSUANCE":
                issued += r["quantity"]
            if r["source"] == r["target"]:
                within += r["quantity"]
                continue
            links.append(
                FlowLink(
                    source=r["source"],
                    target=r["target"],
                    quantity=r["quantity"],
                    transactions=r["transactions"],
                )
            )
        nodes = [FlowNode(key=k, label=v) for k, v in sorted(labels.items())]
        return CreditFlows(
            nodes=nodes,
            links=links,
            issued=issued,
            within_groups=within,
            data_qualities=qualities,
        )
