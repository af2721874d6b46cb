"""The schema's root types, assembled from the modules that define each field."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError

from schema.aef import AefQuery
from schema.analytics import AnalyticsQuery
from schema.audit import AuditQuery, Subscription
from schema.descriptions import document
from schema.direct_fields import DirectExecutor
from schema.flows import FlowQuery
from schema.graph_info import GraphInfo, graph_info
from schema.integrity import IntegrityQuery
from schema.interop import InteropMutation, InteropQuery
from schema.limits import Limits
from schema.mutations import RegistryMutation
from schema.paths import PathQuery
from schema.progress import ProgressQuery
from schema.provenance import ProvenanceQuery
from schema.queries import BrowseQuery
from schema.query_cost import Budget
from schema.record_mutations import RecordMutation
from schema.request_pipeline import request_pipeline


@strawberry.type
class Query(
    BrowseQuery,
    AnalyticsQuery,
    AuditQuery,
    ProvenanceQuery,
    IntegrityQuery,
    FlowQuery,
    AefQuery,
    PathQuery,
    InteropQuery,
    ProgressQuery,
):
    graph_info: GraphInfo = strawberry.field(
        resolver=graph_info, description="The database behind the API and the graph's size."
    )


@strawberry.type
class Mutation(RegistryMutation, RecordMutation, InteropMutation):
    pass


class JcmSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Client errors are the client's business; schema/errors.py logs the internal ones."""


def build_schema(limits: Limits | None = None, budget: Budget | None = None) -> strawberry.Schema:
    limits = limits or Limits()
    schema = JcmSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        execution_context_class=DirectExecutor,
        extensions=[request_pipeline(limits, budget or Budget())],
    )
    document(schema._schema)
    return schema


def sdl() -> str:
    """The schema in SDL, as exported to schema.graphql."""
    return build_schema().as_str() + "\n"
