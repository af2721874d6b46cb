"""What every operation goes through around its execution:

- parsing, with the token limit, from a cache of parsed documents;
- validation, with the depth and alias rule, from a cache of validation results;
- the cost check against the caller's budget, before execution (so before any database work);
- a query's root fields answered without graphql-core's execution where they can be
  (schema/root_fields.py);
- errors rewritten into their client form (schema/errors.py).

Queries and mutations run it straight from `JcmSchema.execute` (schema/root.py), not as a
Strawberry extension: Strawberry builds an extension's hooks anew for every request, through
context managers, which took most of a small query's time inside the schema (36 of 46 µs for
`{ __typename }`). Subscriptions, which Strawberry runs through its extension runner only,
get the same steps from `RequestPipeline.extension`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from functools import lru_cache
from typing import Any

from graphql import DocumentNode, GraphQLError, execute, parse
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.exceptions import MissingQueryError
from strawberry.execution import optimized_is_awaitable
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.schema.schema import validate_document
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.utils.await_maybe import await_maybe

from schema.document_cache import DocumentCache
from schema.errors import client_errors
from schema.limits import Limits, depth_and_alias_rule
from schema.object_plans import PlannedExecutor
from schema.query_cost import Budget, refusal
from schema.root_fields import answered, root_fields

# Parsed documents and validation results, shared by every request of the process: a client
# repeating a query (the common case) is parsed and validated once. Bounded, so distinct query
# texts cannot grow memory without limit.
CACHED_DOCUMENTS = 512
_parse = lru_cache(maxsize=CACHED_DOCUMENTS)(parse)
# Validation results are kept by query text, not by document: hashing a parsed document walks
# all its nodes (16 µs for the benchmark's project neighbourhood), and a pipeline's parse
# options and rules are fixed, so the text decides the document.
_validated: DocumentCache[list[GraphQLError]] = DocumentCache(CACHED_DOCUMENTS)


class RequestPipeline:
    """The steps for a schema with these limits and this budget."""

    def __init__(self, limits: Limits, budget: Budget) -> None:
        self.max_tokens = limits.max_tokens
        self.rules = (depth_and_alias_rule(limits),)  # one class, so the validation cache hits
        self.budget = budget

    def document(self, query: str) -> DocumentNode:
        return _parse(query, max_tokens=self.max_tokens)

    def validation_errors(self, context: ExecutionContext) -> list[GraphQLError]:
        """The errors of the context's parsed document against its rules and this pipeline's."""
        schema, query, document = context.schema._schema, context.query, context.graphql_document
        assert document is not None
        rules = context.validation_rules + self.rules
        key = (id(schema), query, rules) if query is not None else None
        return _validated.get_or_make(key, lambda: validate_document(schema, document, rules))

    async def execute(self, context: ExecutionContext, executor_class: Any) -> ExecutionResult:
        """The operation's result, errors in their client form. Raises what Strawberry's own
        execution raises for its HTTP views to answer 400: no query, no such operation, an
        operation type the transport does not allow."""
        if not context.query:
            raise MissingQueryError
        try:
            context.graphql_document = self.document(context.query)
        except GraphQLError as error:
            return self._failed(context, error)
        except Exception as error:  # as Strawberry: any parse failure is the client's error
            return self._failed(context, GraphQLError(str(error), original_error=error))
        try:
            operation_type = context.operation_type
        except RuntimeError as error:
            raise CannotGetOperationTypeError(context.operation_name) from error
        if operation_type not in context.allowed_operations:
            raise InvalidOperationTypeError(operation_type)
        if errors := self.validation_errors(context):
            return self._failed(context, *errors)
        if (refused := refusal(context, self.budget)) is not None:
            return self._failed(context, refused)
        root_value = context.root_value
        try:
            # Plans are PlannedExecutor's: an executor of another class (one observing
            # execution) executes every field itself.
            root = None
            if executor_class is PlannedExecutor:
                root = root_fields(context.schema, context.graphql_document, context.operation_name)
            if root is not None:
                outcome = await answered(root, context)
                if type(outcome) is dict:
                    return ExecutionResult(data=outcome, errors=None)
                if outcome is not None:
                    root_value = outcome  # the resolvers' results, for execution to complete
            result = await await_maybe(
                execute(
                    context.schema._schema,
                    context.graphql_document,
                    root_value=root_value,
                    variable_values=context.variables,
                    operation_name=context.operation_name,
                    context_value=context.context,
                    is_awaitable=optimized_is_awaitable,
                    executor_class=executor_class,
                    operation_extensions=context.operation_extensions,
                )
            )
        except Exception as error:  # as Strawberry: the client gets an error, not a 500
            if not isinstance(error, GraphQLError):
                error = GraphQLError(str(error), original_error=error)
            return self._failed(context, error)
        errors = client_errors(result.errors, context.context) if result.errors else None
        return ExecutionResult(data=result.data, errors=errors)

    @staticmethod
    def _failed(context: ExecutionContext, *errors: GraphQLError) -> ExecutionResult:
        return ExecutionResult(data=None, errors=client_errors(list(errors), context.context))

    def extension(self) -> type[SchemaExtension]:
        """The same steps as a Strawberry extension, for subscriptions."""
        return type("RequestPipelineExtension", (_PipelineExtension,), {"pipeline": self})


class _PipelineExtension(SchemaExtension):
    pipeline: RequestPipeline

    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context
        result = context.result
        if result is not None and getattr(result, "errors", None):
            result.errors = client_errors(result.errors, context.context)

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = self.pipeline.max_tokens
        if context.query:
            # A query that does not parse is left to Strawberry's own parse, with the same
            # options, which reports the error as the operation's result.
            with suppress(GraphQLError):
                context.graphql_document = self.pipeline.document(context.query)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        context.pre_execution_errors = self.pipeline.validation_errors(context)
        yield

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        ready = context.graphql_document is not None and context.result is None
        if ready and (refused := refusal(context, self.pipeline.budget)) is not None:
            # A result set before execution makes Strawberry skip executing the operation.
            context.result = GraphQLExecutionResult(data=None, errors=[refused])
        yield
