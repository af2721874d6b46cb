"""The arguments of a qualifying root field (schema/root_fields.py): as the document gives
them, worked out once; per request, its variables coerced as graphql-core coerces them and
its enum and input values converted by Strawberry's own `convert_argument`, as its resolver
wrapper converts them. A missing variable takes its default, coerced once as graphql-core
coerces it. A variable that does not fit, or is missing without a default, leaves the request
to execution, which coerces it or reports it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from graphql import (
    BooleanValueNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLBoolean,
    GraphQLField,
    GraphQLID,
    GraphQLInputType,
    GraphQLInt,
    GraphQLNonNull,
    GraphQLSchema,
    GraphQLString,
    IntValueNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    Undefined,
    VariableNode,
    coerce_input_value,
    get_nullable_type,
    type_from_ast,
    value_from_ast,
)
from strawberry.types.arguments import convert_argument

from schema.document_cache import nested_variables

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
class Argument:
    python_name: str
    variable: str | None  # the variable giving it, else `value` is its literal
    value: Any  # a literal: as graphql-core coerces it (enums and inputs not yet converted)
    kind: type | None  # the type a string's, ID's, integer's or boolean's variable must have
    # An enum's or an input's (or a list's): the type graphql-core coerces its variable to
    # (the variable's declared type), and Strawberry's type and name to convert it with.
    coerce_as: GraphQLInputType | None = None
    strawberry_type: Any = None
    graphql_name: str = ""
    # The variable's default as graphql-core coerces it, for a request that leaves it out.
    default: Any = Undefined


# A variable used below the root fields: its name, its declared type (graphql-core coerces it
# to that) and its default as coerced (Undefined: none).
Below = tuple[str, GraphQLInputType, Any]


@dataclass(frozen=True)
class RootArguments:
    """A root field's arguments, worked out once."""

    given: tuple[Argument, ...]
    converted: tuple[Argument, ...]  # those Strawberry converts: enums, inputs, lists
    scalar_registry: Any
    config: Any

    def kwargs(self, variables: dict[str, Any]) -> dict[str, Any] | None:
        """The resolver's arguments from the request's variables, as graphql-core coerces
        them (enums and inputs not yet converted: `convert`); None when a variable does not
        fit its type or is missing (execution coerces it or reports it)."""
        out: dict[str, Any] = {}
        for argument in self.given:
            if argument.variable is None:
                out[argument.python_name] = argument.value
                continue
            value = variables.get(argument.variable, Undefined)
            if value is Undefined:
                if argument.default is Undefined:
                    return None
                value = argument.default  # already coerced
            elif argument.coerce_as is not None:
                value = coerce_input_value(value, argument.coerce_as)
                if value is Undefined:
                    return None
            elif type(value) is not argument.kind or (
                argument.kind is int and not _INT_MIN <= value <= _INT_MAX
            ):
                return None
            out[argument.python_name] = value
        return out

    def variables(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """The variables its arguments take, as graphql-core coerces them, from the
        arguments (`kwargs`, before conversion)."""
        return {a.variable: kwargs[a.python_name] for a in self.given if a.variable}

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


def root_arguments(
    field: GraphQLField,
    node: FieldNode,
    operation: OperationDefinitionNode,
    strawberry_field: Any,
    schema: Any,
) -> RootArguments | None:
    """The arguments of the root field `node`; None when one is of a kind not answered here.
    `schema`: Strawberry's schema."""
    given = _arguments(field, node, operation, strawberry_field, schema)
    if given is None:
        return None
    return RootArguments(
        given=given,
        converted=tuple(a for a in given if a.strawberry_type is not None),
        scalar_registry=schema.schema_converter.scalar_registry,
        config=schema.config,
    )


def below_root(
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    schema: GraphQLSchema,
) -> tuple[Below, ...] | None:
    """The variables used below the operation's root fields; None when one is not declared
    or its default is not answered here (`_variable`)."""
    declared = {v.variable.name.value: v for v in operation.variable_definitions or ()}
    out = []
    for name in sorted(nested_variables(operation, fragments.values())):
        found = _variable(declared, name, schema)
        if found is None:
            return None
        out.append((name, *found))
    return tuple(out)


def coerce_below(below: tuple[Below, ...], variables: dict[str, Any], out: dict[str, Any]) -> bool:
    """Adds to `out` the variables used below the root as graphql-core coerces them (one the
    root fields' arguments take is there already); False when one does not fit or a non-null
    one is missing (execution reports it)."""
    for name, declared, default in below:
        if name in out:
            continue
        value = variables.get(name, Undefined)
        if value is Undefined:
            if default is not Undefined:
                out[name] = default
            elif isinstance(declared, GraphQLNonNull):
                return False
            continue  # left out, as graphql-core leaves it out
        value = coerce_input_value(value, declared)
        if value is Undefined:
            return False
        out[name] = value
    return True


def _variable(
    declared: dict[str, Any], name: str, schema: GraphQLSchema
) -> tuple[GraphQLInputType, Any] | None:
    """A declared variable's type and its default as graphql-core coerces it
    (`value_from_ast`; Undefined when it has none); None when it is not declared, or its
    default is null or does not coerce (execution applies or reports it)."""
    variable = declared.get(name)
    if variable is None:
        return None
    variable_type = type_from_ast(schema, variable.type)
    if variable.default_value is None:
        return variable_type, Undefined
    default = value_from_ast(variable.default_value, variable_type)
    return None if default is Undefined or default is None else (variable_type, default)


def _arguments(
    field: GraphQLField,
    node: FieldNode,
    operation: OperationDefinitionNode,
    strawberry_field: Any,
    schema: Any,
) -> tuple[Argument, ...] | None:
    """The resolver's arguments as the document gives them, with the defaults graphql-core
    gives those it leaves out; None when one is of a kind not answered here. `schema`:
    Strawberry's schema."""
    names = schema.config.name_converter
    by_name = {names.get_graphql_name(a): a for a in strawberry_field.arguments}
    declared = {v.variable.name.value: v for v in operation.variable_definitions or ()}
    given = {a.name.value: a.value for a in node.arguments or ()}
    out: list[Argument] = []
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
                out.append(Argument(python_name, None, definition.default_value, None))
        elif isinstance(value, VariableNode):
            found = _variable(declared, value.name.value, schema._schema)
            if found is None:
                return None
            kind = _ARGUMENT_TYPES[plain]
            out.append(Argument(python_name, value.name.value, None, kind, default=found[1]))
        elif isinstance(value, _LITERALS[plain]):
            out.append(Argument(python_name, None, _literal(value), None))
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
        Argument,
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
        found = _variable(declared, value.name.value, schema._schema)
        if found is None:
            return None
        coerce_as, default = found
        return argument(value.name.value, None, None, coerce_as=coerce_as, default=default)
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
