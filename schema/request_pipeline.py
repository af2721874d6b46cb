"""What every operation goes through around its execution, as the schema's one extension:

- parsing, with the token limit, from a cache of parsed documents;
- validation, with the depth and alias rule, from a cache of validation results;
- the cost check against the caller's budget, before execution (so before any database work);
- errors rewritten into their client form (schema/errors.py).

One extension, not one per step: Strawberry builds each extension's hooks anew for every
request, through context managers, and with six extensions that was a measurable part of a
small query's time outside the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError, ValidationRule, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from schema.document_cache import DocumentCache
from schema.errors import client_errors
from schema.limits import Limits, depth_and_alias_rule
from schema.query_cost import Budget, refusal

# Parsed documents and validation results, shared by every request of the process: a client
# repeating a query (the common case) is parsed and validated once. Bounded, so distinct query
# texts cannot grow memory without limit.
CACHED_DOCUMENTS = 512
_parse = lru_cache(maxsize=CACHED_DOCUMENTS)(parse)
# Validation results are kept by query text, not by document: hashing a parsed document walks
# all its nodes (16 µs for the benchmark's project neighbourhood), and a pipeline's parse
# options and rules are fixed, so the text decides the document.
_validated: DocumentCache[list[GraphQLError]] = DocumentCache(CACHED_DOCUMENTS)


def request_pipeline(limits: Limits, budget: Budget) -> type[SchemaExtension]:
    """The extension class for a schema with these limits and this budget (Strawberry makes
    one instance per request)."""
    rules = (depth_and_alias_rule(limits),)  # one class, so the validation cache can hit
    attributes = {"max_tokens": limits.max_tokens, "rules": rules, "budget": budget}
    return type("RequestPipeline", (_RequestPipeline,), attributes)


class _RequestPipeline(SchemaExtension):
    max_tokens: int
    rules: tuple[type[ValidationRule], ...]
    budget: Budget

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = self.max_tokens
        context.validation_rules = context.validation_rules + self.rules
        yield
        result = context.result
        if result is not None and getattr(result, "errors", None):
            result.errors = client_errors(result.errors, context.context)

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        context.graphql_document = _parse(context.query, **context.parse_options)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        schema, document = context.schema._schema, context.graphql_document
        rules = context.validation_rules
        assert document is not None
        key = (id(schema), context.query, rules) if context.query is not None else None
        context.pre_execution_errors = _validated.get_or_make(
            key, lambda: validate_document(schema, document, rules)
        )
        yield

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        ready = context.graphql_document is not None and context.result is None
        if ready and (refused := refusal(context, self.budget)) is not None:
            # A result set before execution makes Strawberry skip executing the operation.
            context.result = GraphQLExecutionResult(data=None, errors=[refused])
        yield
