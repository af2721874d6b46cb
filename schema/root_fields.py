"""A query of root fields, answered without graphql-core's execution.

Outside the database, a small query (`country(code: $code) { code name asean }`) spent about
a fifth of its time in execution machinery that does the same work on every request: an
execution context built (variables coerced, root fields collected), the resolver called
through Strawberry's wrapper (extension chain, argument conversion, `Info`), and a chain of
awaitables around it. Its object was already answered by a plan (schema/object_plans.py).

For a query whose root fields each have a plan that requests have already made for the
selection below it, `answered` calls each field's resolver itself, with the arguments and
resolve info graphql-core would give it (several root fields concurrently, as graphql-core
runs them, so that their loads share the loaders' batches), and answers each object (or list
of objects) with its plan. Anything else is left to execution, which receives what the
resolvers already gave (schema/direct_fields.py's `ResolvedRoots`) so that none is called
twice: an error (reported by graphql-core, at its path, as always), a null, a plan that gives
up.

Which operations qualify is worked out once per document: a query (no directives) whose root
selections are fields (aliased or not, without directives, each response name once) whose
Strawberry fields have an async resolver and no extensions or permission classes; whose types
are object types or lists of them, with a known class; whose arguments are given as literals
or as variables, and whose variables' defaults, where they have one, are not null
(schema/root_arguments.py). A plan depends on the variables used below the root
(`@include(if: $s)`, a nested page's size): it is the one requests made with the same values
of those, found per request by their coerced values (a missing variable's default included),
as the executor keys it. A variable that does not fit its type, or is missing without a
default, sends the request to execution, which coerces or reports it.
"""

from __future__ import annotations

import asyncio
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

from schema.direct_fields import ResolvedRoot, ResolvedRoots, accepted_class, object_type_of
from schema.document_cache import DocumentCache, nested_variables_key
from schema.object_plans import made_plan
from schema.plan_functions import Plan
from schema.root_arguments import Below, RootArguments, below_root, coerce_below, root_arguments


@dataclass(frozen=True)
class RootField:
    """One root field of a qualifying operation, worked out once."""

    response_name: str
    field: GraphQLField
    field_nodes: list[FieldNode]
    object_type: GraphQLObjectType
    many: bool  # a list of objects
    cls: type  # the class of the objects a plan answers (`object`: any)
    resolver: Callable[..., Any]
    with_self: bool
    info_parameter: str | None
    strawberry_field: Any
    arguments: RootArguments

    def answer(self, plan: Plan, value: Any, request: Any) -> Any:
        """The field's answer by its plan, or _GAVE_UP when the resolver's value is not what
        the plan answers, or the plan gives up: execution completes it, field by field."""
        cls = self.cls
        try:
            if not self.many:
                if type(value) is cls or cls is object:
                    return plan(value, request)
            elif type(value) is list and all(type(v) is cls or cls is object for v in value):
                return [plan(v, request) for v in value]
        except Exception:
            pass
        return _GAVE_UP


@dataclass(frozen=True)
class RootFields:
    """What a qualifying document asks, worked out once."""

    document: tuple[Any, ...]  # as schema/document_cache.py's document_key gives it
    fields: tuple[RootField, ...]
    parent_type: GraphQLObjectType
    info_class: type
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    below: tuple[Below, ...]  # the variables used below the root fields
    nested: bytes  # the key of its plans when no variable is used below the root

    def plans(self, coerced: dict[str, Any]) -> list[Plan] | None:
        """The plans requests have made for these selections with these variables below the
        root (`coerced`: the request's variables as graphql-core coerces them); None when one
        has none yet."""
        nested = self.nested
        if self.below:
            fragments = self.fragments.values()
            nested = nested_variables_key(self.document, self.operation, fragments, coerced)
            if nested is None:
                return None
        plans = []
        for root in self.fields:
            plan = made_plan(self.document, nested, (root.response_name,), root.object_type)
            if plan is None:
                return None
            plans.append(plan)
        return plans


_HELPERS = GraphQLResolveInfoHelpers(gather=gather_with_cancel, track=lambda _values: None)
_NOT_ONE = object()  # the document cache keeps no None: a document that does not qualify
_GAVE_UP = object()  # a field its plan does not answer
_ROOTS: DocumentCache[Any] = DocumentCache(512)


def root_fields(
    schema: Any, document: DocumentNode, operation_name: str | None
) -> RootFields | None:
    """The root fields of a qualifying document (see the module's text), else None.
    `schema`: Strawberry's schema. Keyed by the query text: a repeated query looks nothing
    up in its document."""
    if document.loc is None:
        return None
    key = (id(schema), document.loc.source.body, operation_name)
    found = _ROOTS.get_or_make(key, lambda: _root_fields(schema, document, operation_name))
    return None if found is _NOT_ONE else found


async def answered(roots: RootFields, context: Any) -> dict[str, Any] | ResolvedRoots | None:
    """The operation's data, when the root fields and their plans answer it; else what the
    resolvers gave, for execution to complete (ResolvedRoots), or None when no resolver has
    been called. `context`: Strawberry's execution context."""
    variables = context.variables or {}
    calls: list[dict[str, Any]] = []
    coerced: dict[str, Any] = {}
    for root in roots.fields:
        kwargs = root.arguments.kwargs(variables)
        if kwargs is None:
            return None
        coerced.update(root.arguments.variables(kwargs))
        calls.append(kwargs)
    if roots.below and not coerce_below(roots.below, variables, coerced):
        return None
    plans = roots.plans(coerced)
    if plans is None:
        return None
    # Every argument converted before any resolver is called: a refusal leaves it all to
    # execution, which reports it.
    variable_values = VariableValues({}, coerced)
    for root, kwargs in zip(roots.fields, calls, strict=True):
        raw_info = _resolve_info(roots, root, context, variable_values)
        info = roots.info_class(_raw_info=raw_info, _field=root.strawberry_field)
        if root.arguments.converted and not root.arguments.convert(kwargs, info):
            return None
        if root.info_parameter is not None:
            kwargs[root.info_parameter] = info
    if len(calls) == 1:  # most operations: the resolver awaited here, without a task
        try:
            values = [await _call(roots.fields[0], context, calls[0])]
        except Exception as error:
            values = [error]
    else:  # concurrently, as graphql-core runs a query's root fields
        pairs = zip(roots.fields, calls, strict=True)
        values = await asyncio.gather(
            *(_call(root, context, kwargs) for root, kwargs in pairs), return_exceptions=True
        )
    data: dict[str, Any] = {}
    request = context.context
    for root, plan, value in zip(roots.fields, plans, values, strict=True):
        failed = value is None or isinstance(value, BaseException)
        answer = _GAVE_UP if failed else root.answer(plan, value, request)
        if answer is _GAVE_UP:
            return ResolvedRoots(
                (root.response_name, _resolved(value))
                for root, value in zip(roots.fields, values, strict=True)
            )
        data[root.response_name] = answer
    return data


def _call(root: RootField, context: Any, kwargs: dict[str, Any]) -> Any:
    """The awaitable of the field's resolver."""
    if root.with_self:
        return root.resolver(context.root_value, **kwargs)
    return root.resolver(**kwargs)


def _resolved(value: Any) -> ResolvedRoot:
    if isinstance(value, Exception):
        return ResolvedRoot(error=value)
    if isinstance(value, BaseException):  # a cancellation: not the resolver's answer
        raise value
    return ResolvedRoot(value)


def _resolve_info(
    roots: RootFields, root: RootField, context: Any, variable_values: VariableValues
) -> GraphQLResolveInfo:
    """The resolve info graphql-core would build for the root field."""
    return GraphQLResolveInfo(
        root.field_nodes[0].name.value,
        root.field_nodes,
        root.field.type,
        roots.parent_type,
        Path(None, root.response_name, roots.parent_type.name),
        context.schema._schema,
        roots.fragments,
        context.root_value,
        roots.operation,
        variable_values,
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


def _root_fields(schema: Any, document: DocumentNode, operation_name: str | None) -> Any:
    """The document's RootFields, or _NOT_ONE."""
    operation = _operation(document, operation_name)
    if operation is None or operation.loc is None:
        return _NOT_ONE
    if operation.operation is not OperationType.QUERY or operation.directives:
        return _NOT_ONE
    graphql_schema: GraphQLSchema = schema._schema
    parent = graphql_schema.query_type
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    selections = operation.selection_set.selections
    fields = []
    for node in selections:
        if not isinstance(node, FieldNode) or parent is None:
            return _NOT_ONE
        root = _qualifying(schema, node, parent, operation)
        if root is None:
            return _NOT_ONE
        fields.append(root)
    names = [root.response_name for root in fields]
    if not fields or len(set(names)) != len(names):
        return _NOT_ONE  # fields merged under one response name are left to execution
    below = below_root(operation, fragments, graphql_schema)
    if below is None:
        return _NOT_ONE
    document_id = (id(graphql_schema), operation.loc.source.body, _name(operation))
    return RootFields(
        document=document_id,
        fields=tuple(fields),
        parent_type=parent,
        info_class=schema.config.info_class,
        operation=operation,
        fragments=fragments,
        below=below,
        nested=nested_variables_key(document_id, operation, fragments.values(), {}),
    )


def _qualifying(
    schema: Any,
    node: FieldNode,
    parent: GraphQLObjectType,
    operation: OperationDefinitionNode,
) -> RootField | None:
    field = parent.fields.get(node.name.value)
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
    if cls is None:
        return None
    arguments = root_arguments(field, node, operation, strawberry_field, schema)
    if arguments is None:
        return None
    info = resolver.info_parameter
    return RootField(
        response_name=node.alias.value if node.alias else node.name.value,
        field=field,
        field_nodes=[node],
        object_type=object_type,
        many=many,
        cls=cls,
        resolver=resolver.wrapped_func,
        with_self=resolver.self_parameter is not None,
        info_parameter=info.name if info is not None else None,
        strawberry_field=strawberry_field,
        arguments=arguments,
    )


def _name(operation: OperationDefinitionNode) -> str | None:
    return operation.name.value if operation.name else None
