"""`graphInfo`: proves the path HTTP → schema → named query → database and back."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from schema.context import RequestContext


@strawberry.type(description="How many nodes carry one label.")
class LabelCount:
    label: str
    count: int


@strawberry.type(description="Which database answers and how big the graph is.")
class GraphInfo:
    backend: str = strawberry.field(description="falkordb or neo4j.")
    server_version: str = strawberry.field(
        description="The database's product, version and edition, e.g. "
        "`Neo4j 5.26.30 community` or `FalkorDB 4.16.3`."
    )
    node_count: int
    relationship_count: int
    labels: list[LabelCount]


async def graph_info(info: Info[RequestContext, None]) -> GraphInfo:
    store = info.context.store
    rows = await store.read("graph_info")
    row = rows[0] if rows else {"nodeCount": 0, "relationshipCount": 0, "labels": []}
    return GraphInfo(
        backend=store.backend,
        server_version=await store.server_version(),
        node_count=row["nodeCount"],
        relationship_count=row["relationshipCount"],
        labels=[LabelCount(label=x["label"], count=x["count"]) for x in row["labels"]],
    )
