"""A query of one root field, answered without graphql-core's execution.

Outside the database, a small query (`country(code: $code) { code name asean }`) spent about
a fifth of its time in execution machinery that does the same work on every request: an
execution context built (variables coerced, root fields collected), the resolver called
through Strawberry's wrapper (extension chain, argument conversion, `Info`), and a chain of
awaitables around it. Its object was already answered by a plan (schema/object_plans.py).

For an operation that is one root field, when the selection below it has a plan that
requests have already made, `answered` calls the field's resolver itself, with the
arguments and resolve info graphql-core would give it, and answers its object (or its list
of objects) with that plan. Anything else is left to execution, which receives what the
resolver already gave (schema/direct_fields.py's `ResolvedRoot`) so that it is not called
twice: an error (reported by graphql-core, at its path, as always), a null, a plan that
gives up.

Which operations qualify is worked out once per document: a query (no directives) with a
single root field (aliased or not, without directives) whose Strawberry field has an async
resolver and no extensions or permission classes; whose type is an object type or a list of
them, with a known class; whose arguments are given as literals or as variables, and whose
variables' defaults, where they have one, are not null (schema/root_arguments.py). A plan
depends on the variables used below the root (`@include(if: $s)`, a nested page's size): it
is the one requests made with the same values of those, found per request by their coerced
values (a missing variable's default included), as the executor keys it. A variable that does
not fit its type, or is missing without a default, sends the request to execution, which
coerces or reports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLField,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
)
from graphql.execution.values import VariableValues
from graphql.pyutils import Path, gather_with_cancel
from graphql.type.definition import GraphQLResolveInfoHelpers
from strawberry.execution import optimized_is_awaitable

from schema.direct_fields import ResolvedRoot, accepted_class, object_type_of
from schema.document_cache import DocumentCache, nested_variables_key
from schema.object_plans import made_plan
from schema.plan_functions import Plan
from schema.root_arguments import RootArguments, root_arguments


@dataclass(frozen=True)
class RootField:
    """What a qualifying document asks, worked out once."""

    document: tuple[Any, ...]  # as schema/document_cache.py's document_key gives it
    response_name: str
    field: GraphQLField
    field_nodes: list[FieldNode]
    parent_type: GraphQLObjectType
    object_type: GraphQLObjectType
    many: bool  # a list of objects
    cls: type  # the class of the objects a plan answers (`object`: any)
    resolver: Callable[..., Any]
    with_self: bool
    info_parameter: str | None
    info_class: type
    strawberry_field: Any
    arguments: RootArguments
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    nested: bytes  # the key of its plans when no variable is used below the root

    def plan(self, coerced: dict[str, Any]) -> Plan | None:
        """The plan requests have made for this selection with these variables below the
        root (`coerced`: the request's variables as graphql-core coerces them)."""
        nested = self.nested
        if self.arguments.below:
            fragments = self.fragments.values()
            nested = nested_variables_key(self.document, self.operation, fragments, coerced)
            if nested is None:
                return None
        return made_plan(self.document, nested, (self.response_name,), self.object_type)


_HELPERS = GraphQLResolveInfoHelpers(gather=gather_with_cancel, track=lambda _values: None)
_NOT_ONE = object()  # the document cache keeps no None: a document that does not qualify
_ROOTS: DocumentCache[Any] = DocumentCache(512)


def root_field(schema: Any, document: DocumentNode, operation_name: str | None) -> RootField | None:
    """The single root field of a qualifying document (see the module's text), else None.
    `schema`: Strawberry's schema. Keyed by the query text: a repeated query looks nothing
    up in its document."""
    if document.loc is None:
        return None
    key = (id(schema), document.loc.source.body, operation_name)
    found = _ROOTS.get_or_make(key, lambda: _root_field(schema, document, operation_name))
    return None if found is _NOT_ONE else found


async def answered(root: RootField, context: Any) -> dict[str, Any] | ResolvedRoot | None:
    """The operation's data, when the root field and its plan answer it; else what the
    resolver gave, for execution to complete (a ResolvedRoot), or None when the resolver has
    not been called. `context`: Strawberry's execution context."""
    variables = context.variables or {}
    arguments = root.arguments
    kwargs = arguments.kwargs(variables)
    if kwargs is None:
        return None
    coerced = arguments.coerced(kwargs, variables)
    if coerced is None:
        return None
    plan = root.plan(coerced)
    if plan is None:
        return None
    raw_info = _resolve_info(root, context, coerced)
    info = root.info_class(_raw_info=raw_info, _field=root.strawberry_field)
    if arguments.converted and not arguments.convert(kwargs, info):
        return None
    if root.info_parameter is not None:
        kwargs[root.info_parameter] = info
    try:
        if root.with_self:
            value = await root.resolver(context.root_value, **kwargs)
        else:
            value = await root.resolver(**kwargs)
    except Exception as error:
        return ResolvedRoot(error=error)
    if value is None:
        return ResolvedRoot(value)
    cls, request = root.cls, context.context
    try:
        if not root.many:
            if type(value) is cls or cls is object:
                return {root.response_name: plan(value, request)}
        elif type(value) is list and all(type(v) is cls or cls is object for v in value):
            return {root.response_name: [plan(v, request) for v in value]}
    except Exception:  # the plan gives up: execution completes the value field by field
        pass
    return ResolvedRoot(value)


def _resolve_info(root: RootField, context: Any, coerced: dict[str, Any]) -> GraphQLResolveInfo:
    """The resolve info graphql-core would build for the root field."""
    return GraphQLResolveInfo(
        root.field_nodes[0].name.value,
        root.field_nodes,
        root.field.type,
        root.parent_type,
        Path(None, root.response_name, root.parent_type.name),
        context.schema._schema,
        root.fragments,
        context.root_value,
        root.operation,
        VariableValues({}, coerced),
        context.context,
        optimized_is_awaitable,
        None,
        _HELPERS,
    )


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is not None:
        operations = [o for o in operations if o.name and o.name.value == name]
    return operations[0] if len(operations) == 1 else None


def _root_field(schema: Any, document: DocumentNode, operation_name: str | None) -> Any:
    """The document's RootField, or _NOT_ONE."""
    operation = _operation(document, operation_name)
    if operation is None or operation.loc is None:
        return _NOT_ONE
    return _qualifying(schema, document, operation) or _NOT_ONE


def _qualifying(
    schema: Any, document: DocumentNode, operation: OperationDefinitionNode
) -> RootField | None:
    if operation.operation is not OperationType.QUERY or operation.directives:
        return None
    selections = operation.selection_set.selections
    if len(selections) != 1 or not isinstance(selections[0], FieldNode):
        return None
    node = selections[0]
    graphql_schema: GraphQLSchema = schema._schema
    parent = graphql_schema.query_type
    field = parent.fields.get(node.name.value) if parent is not None else None
    if node.directives or field is None:
        return None
    strawberry_field = field.extensions.get("strawberry-definition")
    resolver = getattr(strawberry_field, "base_resolver", None)
    if (
        resolver is None
        or not resolver.is_async
        or strawberry_field.extensions
        or strawberry_field.permission_classes
        or resolver.parent_parameter
        or resolver.root_parameter
    ):
        return None
    object_type, many = object_type_of(field.type)
    cls = accepted_class(object_type) if object_type is not None else None
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    if cls is None:
        return None
    arguments = root_arguments(field, node, operation, fragments, strawberry_field, schema)
    if arguments is None:
        return None
    document_id = (id(graphql_schema), operation.loc.source.body, _name(operation))
    nested = nested_variables_key(document_id, operation, fragments.values(), {})
    info = resolver.info_parameter
    return RootField(
        document=document_id,
        response_name=node.alias.value if node.alias else node.name.value,
        field=field,
        field_nodes=[node],
        parent_type=parent,
        object_type=object_type,
        many=many,
        cls=cls,
        resolver=resolver.wrapped_func,
        with_self=resolver.self_parameter is not None,
        info_parameter=info.name if info is not None else None,
        info_class=schema.config.info_class,
        strawberry_field=strawberry_field,
        arguments=arguments,
        operation=operation,
        fragments=fragments,
        nested=nested,
    )


def _name(operation: OperationDefinitionNode) -> str | None:
    return operation.name.value if operation.name else None
