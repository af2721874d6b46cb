"""The schema's root types, assembled from the modules that define each field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from schema.aef import AefQuery
from schema.analytics import AnalyticsQuery
from schema.audit import AuditQuery, Subscription
from schema.descriptions import document
from schema.flows import FlowQuery
from schema.graph_info import GraphInfo, graph_info
from schema.integrity import IntegrityQuery
from schema.interop import InteropMutation, InteropQuery
from schema.limits import Limits
from schema.mutations import RegistryMutation
from schema.object_plans import PlannedExecutor
from schema.paths import PathQuery
from schema.progress import ProgressQuery
from schema.provenance import ProvenanceQuery
from schema.queries import BrowseQuery
from schema.query_cost import Budget
from schema.record_mutations import RecordMutation
from schema.request_pipeline import RequestPipeline


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
    pipeline: RequestPipeline

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Client errors are the client's business; schema/errors.py logs the internal ones."""

    async def execute(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        """Queries and mutations through the request pipeline, without Strawberry's
        per-request extension runner (see schema/request_pipeline.py)."""
        if allowed_operation_types is None:
            allowed_operation_types = DEFAULT_ALLOWED_OPERATION_TYPES
        context = self._create_execution_context(
            query=query,
            allowed_operation_types=allowed_operation_types,
            variable_values=variable_values,
            context_value=context_value,
            root_value=root_value,
            operation_name=operation_name,
            operation_extensions=operation_extensions,
        )
        return await self.pipeline.execute(context, self.execution_context_class)


def build_schema(limits: Limits | None = None, budget: Budget | None = None) -> strawberry.Schema:
    pipeline = RequestPipeline(limits or Limits(), budget or Budget())
    schema = JcmSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        execution_context_class=PlannedExecutor,
        extensions=[pipeline.extension()],  # for subscriptions; see JcmSchema.execute
    )
    schema.pipeline = pipeline
    document(schema._schema)
    return schema


def sdl() -> str:
    """The schema in SDL, as exported to schema.graphql."""
    return build_schema().as_str() + "\n"
