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
them, with a known class; whose arguments are given as literals or as variables (without a
default), an enum's or an input's literal holding no variable; and whose variables are used
nowhere below the root (what is below then depends on the document alone). Per request, a
string, ID, integer or boolean variable whose value is not of the argument's own Python type
(a number for a string, a missing one), and any other variable that graphql-core's
coercion refuses or that is missing, send the request to execution, which coerces or reports
it. Enum and input values are converted to their Python classes by Strawberry's own
`convert_argument`, as its resolver wrapper converts them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLBoolean,
    GraphQLField,
    GraphQLID,
    GraphQLInputType,
    GraphQLInt,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    GraphQLString,
    IntValueNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    StringValueNode,
    Undefined,
    VariableNode,
    coerce_input_value,
    get_nullable_type,
    type_from_ast,
    value_from_ast,
)
from graphql.execution.values import VariableValues
from graphql.pyutils import Path, gather_with_cancel
from graphql.type.definition import GraphQLResolveInfoHelpers
from strawberry.execution import optimized_is_awaitable
from strawberry.types.arguments import convert_argument

from schema.direct_fields import ResolvedRoot, accepted_class, object_type_of
from schema.document_cache import DocumentCache, nested_variables, nested_variables_key
from schema.object_plans import made_plan
from schema.plan_functions import Plan

# The argument types answered here, with the one Python type a variable's value must have.
_ARGUMENT_TYPES: dict[Any, type] = {
    GraphQLString: str,
    GraphQLID: str,
    GraphQLInt: int,
    GraphQLBoolean: bool,
}
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1  # GraphQL's Int
_LITERALS = {
    GraphQLString: StringValueNode,
    GraphQLID: StringValueNode,
    GraphQLInt: IntValueNode,
    GraphQLBoolean: BooleanValueNode,
}


@dataclass(frozen=True)
class _Argument:
    python_name: str
    variable: str | None  # the variable giving it, else `value` is its literal
    value: Any  # a literal: as graphql-core coerces it (enums and inputs not yet converted)
    kind: type | None  # the type a string's, ID's, integer's or boolean's variable must have
    # An enum's or an input's (or a list's): the type graphql-core coerces its variable to
    # (the variable's declared type), and Strawberry's type and name to convert it with.
    coerce_as: GraphQLInputType | None = None
    strawberry_type: Any = None
    graphql_name: str = ""


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
    arguments: tuple[_Argument, ...]
    converted: tuple[_Argument, ...]  # those Strawberry converts: enums, inputs, lists
    scalar_registry: Any
    config: Any
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    nested: bytes  # the (empty) variables below the root, as object_plans keys plans

    def plan(self) -> Plan | None:
        return made_plan(self.document, self.nested, (self.response_name,), self.object_type)

    def kwargs(self, variables: dict[str, Any]) -> dict[str, Any] | None:
        """The resolver's arguments from the request's variables, as graphql-core coerces
        them (enums and inputs not yet converted: `convert`); None when a variable does not
        fit its type or is missing (execution coerces it or reports it)."""
        out: dict[str, Any] = {}
        for argument in self.arguments:
            if argument.variable is None:
                out[argument.python_name] = argument.value
                continue
            value = variables.get(argument.variable, Undefined)
            if argument.coerce_as is not None:
                if value is Undefined:
                    return None
                value = coerce_input_value(value, argument.coerce_as)
                if value is Undefined:
                    return None
            elif type(value) is not argument.kind or (
                argument.kind is int and not _INT_MIN <= value <= _INT_MAX
            ):
                return None
            out[argument.python_name] = value
        return out

    def convert(self, kwargs: dict[str, Any], info: Any) -> bool:
        """Enum and input arguments converted in place to the Python values Strawberry's
        resolver wrapper gives; False when Strawberry refuses one (execution reports it)."""
        for argument in self.converted:
            name = argument.python_name
            try:
                kwargs[name] = convert_argument(
                    kwargs[name],
                    argument.strawberry_type,
                    self.scalar_registry,
                    self.config,
                    info,
                    path=(argument.graphql_name,),
                )
            except Exception:
                return False
        return True


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
    plan = root.plan()
    if plan is None:
        return None
    kwargs = root.kwargs(context.variables or {})
    if kwargs is None:
        return None
    raw_info = _resolve_info(root, context, kwargs)
    info = root.info_class(_raw_info=raw_info, _field=root.strawberry_field)
    if root.converted and not root.convert(kwargs, info):
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


def _resolve_info(root: RootField, context: Any, kwargs: dict[str, Any]) -> GraphQLResolveInfo:
    """The resolve info graphql-core would build for the root field."""
    coerced = {a.variable: kwargs[a.python_name] for a in root.arguments if a.variable}
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
    if cls is None or nested_variables(operation, fragments.values()):
        return None
    arguments = _arguments(field, node, operation, strawberry_field, schema)
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
        converted=tuple(a for a in arguments if a.strawberry_type is not None),
        scalar_registry=schema.schema_converter.scalar_registry,
        config=schema.config,
        operation=operation,
        fragments=fragments,
        nested=nested,
    )


def _arguments(
    field: GraphQLField,
    node: FieldNode,
    operation: OperationDefinitionNode,
    strawberry_field: Any,
    schema: Any,
) -> tuple[_Argument, ...] | None:
    """The resolver's arguments as the document gives them, with the defaults graphql-core
    gives those it leaves out; None when one is of a kind not answered here. `schema`:
    Strawberry's schema."""
    names = schema.config.name_converter
    by_name = {names.get_graphql_name(a): a for a in strawberry_field.arguments}
    declared = {v.variable.name.value: v for v in operation.variable_definitions or ()}
    given = {a.name.value: a.value for a in node.arguments or ()}
    out: list[_Argument] = []
    for name, definition in field.args.items():
        strawberry_argument = by_name.get(name)
        if strawberry_argument is None:
            return None
        python_name = strawberry_argument.python_name
        plain = get_nullable_type(definition.type)
        value = given.get(name)
        if plain not in _ARGUMENT_TYPES:
            argument = _converted(value, definition, strawberry_argument, declared, schema)
            if argument is None:
                return None
            if argument is not Undefined:
                out.append(argument)
        elif value is None:
            if definition.default_value is not Undefined:
                out.append(_Argument(python_name, None, definition.default_value, None))
        elif isinstance(value, VariableNode):
            variable = declared.get(value.name.value)
            if variable is None or variable.default_value is not None:
                return None  # a variable's default: execution applies it
            out.append(_Argument(python_name, value.name.value, None, _ARGUMENT_TYPES[plain]))
        elif isinstance(value, _LITERALS[plain]):
            out.append(_Argument(python_name, None, _literal(value), None))
        else:
            return None
    return tuple(out)


def _converted(
    value: Any, definition: Any, strawberry_argument: Any, declared: dict[str, Any], schema: Any
) -> Any:
    """An enum's, an input's or a list's argument (see `_arguments`); Undefined when it is
    left out and has no default (the resolver's own default applies, as in execution)."""
    python_name = strawberry_argument.python_name
    graphql_name = schema.config.name_converter.get_graphql_name(strawberry_argument)
    argument = functools.partial(
        _Argument,
        python_name,
        strawberry_type=strawberry_argument.type,
        graphql_name=graphql_name,
    )
    if value is None:
        if definition.default_value is Undefined:
            return Undefined
        if definition.default_value is not None:
            return None  # an enum's or an input's default as graphql-core keeps it
        return argument(None, None, None)
    if isinstance(value, VariableNode):
        variable = declared.get(value.name.value)
        if variable is None or variable.default_value is not None:
            return None
        coerce_as = type_from_ast(schema._schema, variable.type)
        return argument(value.name.value, None, None, coerce_as=coerce_as)
    if _has_variable(value):
        return None  # a literal's value would depend on the request
    coerced = value_from_ast(value, definition.type)
    return None if coerced is Undefined else argument(None, coerced, None)


def _has_variable(node: Any) -> bool:
    if isinstance(node, VariableNode):
        return True
    if isinstance(node, ListValueNode):
        return any(_has_variable(value) for value in node.values)
    if isinstance(node, ObjectValueNode):
        return any(_has_variable(field.value) for field in node.fields)
    return False


def _literal(node: Any) -> Any:
    if isinstance(node, IntValueNode):
        return int(node.value)
    return node.value  # a string's text, a boolean's value


def _name(operation: OperationDefinitionNode) -> str | None:
    return operation.name.value if operation.name else None
