"""The schema's root types, assembled from the modules that define each field."""

from __future__ import annotations

import strawberry

from schema.errors import ClientErrors
from schema.graph_info import GraphInfo, graph_info
from schema.queries import BrowseQuery


@strawberry.type
class Query(BrowseQuery):
    graph_info: GraphInfo = strawberry.field(
        resolver=graph_info, description="The database behind the API and the graph's size."
    )


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(query=Query, extensions=[ClientErrors])


schema = build_schema()
