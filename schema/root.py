"""The schema's root types, assembled from the modules that define each field."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)

from schema.aef import AefQuery
from schema.analytics import AnalyticsQuery
from schema.audit import AuditQuery, Subscription
from schema.descriptions import document
from schema.direct_fields import DirectExecutor
from schema.errors import ClientErrors
from schema.flows import FlowQuery
from schema.graph_info import GraphInfo, graph_info
from schema.integrity import IntegrityQuery
from schema.interop import InteropMutation, InteropQuery
from schema.limits import Limits, depth_and_alias_rule
from schema.mutations import RegistryMutation
from schema.paths import PathQuery
from schema.progress import ProgressQuery
from schema.provenance import ProvenanceQuery
from schema.queries import BrowseQuery
from schema.query_cost import Budget, cost_limiter
from schema.record_mutations import RecordMutation


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
        """Client errors are the client's business; ClientErrors logs the internal ones."""


def build_schema(limits: Limits | None = None, budget: Budget | None = None) -> strawberry.Schema:
    limits = limits or Limits()
    rule = depth_and_alias_rule(limits)  # one class, so the validation cache can hit
    costs = cost_limiter(budget or Budget())
    schema = JcmSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        execution_context_class=DirectExecutor,
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
            lambda: AddValidationRules([rule]),
            lambda: ParserCache(maxsize=512),
            lambda: ValidationCache(maxsize=512),
            costs,
            ClientErrors,
        ],
    )
    document(schema._schema)
    return schema


def sdl() -> str:
    """The schema in SDL, as exported to schema.graphql."""
    return build_schema().as_str() + "\n"
