"""The cost of a request, computed from its document and variables before any resolver runs
(so before any database work), as GitHub's and Shopify's GraphQL APIs do.

- A field that returns an object costs 1; scalars are free.
- A connection multiplies what is selected under it by its page size (`first`/`last`, default
  20); a list without paging arguments by LIST_ESTIMATE; nesting multiplies through.
- Introspection costs like any field: `__schema` is a large fixed amount, so the IDE's one
  schema query is cheap and a hundred aliased copies are not.
- Filter trees (AND / OR / NOT) are bounded in depth and size, and list arguments in length;
  each filter node adds to the cost of its field.

Callers with a token get a larger budget than anonymous callers (settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    get_nullable_type,
)
from graphql.execution.values import get_argument_values, get_variable_values
from graphql.language import OperationType

from schema.document_cache import DocumentCache, variables_key

DEFAULT_PAGE = 20
MAX_PAGE = 100
LIST_ESTIMATE = 10
INTROSPECTION_COST = {"__schema": 1000, "__type": 20}
MAX_FILTER_DEPTH = 6
MAX_FILTER_NODES = 60
MAX_LIST_ARGUMENT = 200


@dataclass(frozen=True)
class Budget:
    anonymous: int = 20_000
    authenticated: int = 100_000


def limit_error(message: str, **extensions: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "LIMIT_EXCEEDED", **extensions})


class _InvalidVariables(Exception):
    """The variables do not fit the operation: execution reports them."""


def request_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
) -> int:
    """The request's cost; raises a LIMIT_EXCEEDED GraphQLError for an oversized argument.

    Returns 0 when the operation is invalid, and raises _InvalidVariables when its variables
    are: execution reports those."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1:
        return 0
    operation = operations[0]
    root = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }[operation.operation]
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        raise _InvalidVariables
    if root is None:
        return 0
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return _Costing(schema, fragments, coerced).selections(operation.selection_set, root, set())


class _Costing:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables

    def selections(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType, seen: set[str]
    ) -> int:
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                typ = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(selection.selection_set, typ or parent, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue  # unknown fragments and cycles are reported by validation
                typ = self.schema.get_type(fragment.type_condition.name.value) or parent
                total += self.selections(fragment.selection_set, typ, seen | {name})
        return total

    def field(self, node: FieldNode, parent: GraphQLNamedType, seen: set[str]) -> int:
        name = node.name.value
        if name in INTROSPECTION_COST:
            return INTROSPECTION_COST[name]
        fields = getattr(parent, "fields", None)
        if not fields or name not in fields:
            return 0  # __typename, or an unknown field that validation reports
        definition = fields[name]
        try:
            args = get_argument_values(definition, node, self.variables)
        except GraphQLError:
            return 0  # execution reports bad arguments
        filter_cost = sum(_argument_size(arg, value) for arg, value in args.items())
        if node.selection_set is None:
            return filter_cost
        named = get_named_type(definition.type)
        child = self.selections(node.selection_set, named, seen)
        return 1 + filter_cost + _items(definition.type, parent, named, args) * child


def _items(field_type: Any, parent: GraphQLNamedType, named: GraphQLNamedType, args: dict) -> int:
    """How many objects a field is expected to return."""
    if isinstance(named, GraphQLObjectType) and named.name.endswith("Connection"):
        return _page(args)
    if isinstance(get_nullable_type(field_type), GraphQLList):
        if parent.name.endswith("Connection"):
            return 1  # a connection's edges/nodes: counted by the connection's page size
        if isinstance(args.get("ids"), list):
            return len(args["ids"])
        return _page(args) if ("first" in args or "last" in args) else LIST_ESTIMATE
    return 1


def _page(args: dict[str, Any]) -> int:
    size = args.get("first") if args.get("first") is not None else args.get("last")
    if not isinstance(size, int):
        return DEFAULT_PAGE
    return max(0, min(size, MAX_PAGE))


def _argument_size(name: str, value: Any) -> int:
    """Checks an argument's shape; returns how many filter nodes it holds."""
    depth, nodes, longest = _shape(value)
    if longest > MAX_LIST_ARGUMENT:
        raise limit_error(
            f"argument `{name}` has a list of {longest} items; at most {MAX_LIST_ARGUMENT} "
            "are allowed",
            limit="listArgument",
            max=MAX_LIST_ARGUMENT,
        )
    if depth > MAX_FILTER_DEPTH:
        raise limit_error(
            f"argument `{name}` nests {depth} levels deep; at most {MAX_FILTER_DEPTH} are "
            "allowed (combine conditions in one AND / OR list instead of nesting them)",
            limit="filterDepth",
            max=MAX_FILTER_DEPTH,
        )
    if nodes > MAX_FILTER_NODES:
        raise limit_error(
            f"argument `{name}` holds {nodes} conditions; at most {MAX_FILTER_NODES} are allowed",
            limit="filterSize",
            max=MAX_FILTER_NODES,
        )
    return nodes if nodes > 1 else 0


def _shape(value: Any) -> tuple[int, int, int]:
    """(depth of nested input objects, number of input objects, longest list) of a value."""
    if isinstance(value, dict):
        depth, nodes, longest = 0, 1, 0
        for item in value.values():
            d, n, lo = _shape(item)
            depth, nodes, longest = max(depth, d), nodes + n, max(longest, lo)
        return depth + 1, nodes, longest
    if isinstance(value, list | tuple):
        depth, nodes, longest = 0, 0, len(value)
        for item in value:
            d, n, lo = _shape(item)
            depth, nodes, longest = max(depth, d), nodes + n, max(longest, lo)
        return depth, nodes, longest
    return 0, 0, 0


def refusal(context: Any, budget: Budget) -> GraphQLError | None:
    """The error refusing an operation whose cost is over the caller's budget (None when it is
    within it); checked after validation and before execution, so before any database work.
    `context` is Strawberry's execution context, with its document parsed."""
    principal = getattr(context.context, "principal", None)
    known = principal is not None and principal.name is not None
    allowed = budget.authenticated if known else budget.anonymous
    try:
        cost = _cached_cost(context)
    except GraphQLError as error:
        return error
    if cost <= allowed:
        return None
    who = "a caller with a token" if known else "an anonymous caller"
    return limit_error(
        f"the request costs {cost}, over the budget of {allowed} for {who}; ask for "
        "smaller pages (`first`) or fewer nested lists",
        limit="cost",
        cost=cost,
        budget=allowed,
    )


# The cost of a document with its variables never changes, and no text in the variables
# changes it (a text is no filter node, no page size, no list): a client repeating a query,
# or asking it of another project or serial, is not costed again. Keyed by the query text,
# operation and the variables with their texts left out.
_COSTS: DocumentCache[int] = DocumentCache()


def _cached_cost(context: Any) -> int:
    """request_cost, remembered for the requests that have one (a refusal is worked out
    again each time: its error object belongs to one response). Variables that do not fit
    the operation are never remembered: whether a text fits (a date) depends on the text."""
    variables = variables_key(_without_texts(context.variables))
    key = None
    if variables is not None:
        key = (id(context.schema), context.query, context.operation_name, variables)
    try:
        return _COSTS.get_or_make(
            key,
            lambda: request_cost(
                context.schema._schema,
                context.graphql_document,
                context.operation_name,
                context.variables,
            ),
        )
    except _InvalidVariables:
        return 0


def _without_texts(value: Any) -> Any:
    """The value with every text (at any depth, keys aside) made empty."""
    kind = type(value)
    if kind is str:
        return ""
    if kind is dict:
        return {k: _without_texts(v) for k, v in value.items()}
    if kind is list:
        return [_without_texts(v) for v in value]
    return value
