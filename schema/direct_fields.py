"""GraphQL execution that answers the common fields directly.

graphql-core resolves every field the same way: it builds a resolve info, Strawberry wraps
it in its own `Info`, runs the field's extension chain and then completes the value through
a chain of checks (list, object, type test, sub-selection). For a page of 50 projects with
their countries, technologies and funding that is several hundred fields and most of a
request's time outside the database. These fields do not need any of it:

- a plain field (no resolver, no arguments) whose value is an attribute of the object, and
  `__typename`;
- a field whose resolver is a plain (not async) function of the object alone
  (`Connection.nodes`, `Project.conflicts`);
- a relation a compiled read has primed (schema/prefetch.py's RELATIONS): its resolver,
  written with `loaded`, reads only the request's loaders and answers at once; and
  likewise a page of a related list it has primed (PAGES), with its `first` and `after`.

`DirectExecutor` answers those itself: the attribute or the resolver's value, completed
directly when it is a scalar, an enum, an object of the expected Strawberry type or a list
of those. Anything else (another resolver, arguments other than a compiled page's `first` and
`after`, an abstract type, a value
still to be loaded, a null where the schema forbids one, a value a scalar refuses) goes to
graphql-core's own path for that field, which resolves it again and reports errors exactly
as before; the direct path has no side effects, so doing a field twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from inspect import signature
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    Undefined,
)
from graphql.execution.executor import to_nodes
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.node import NOT_PRIMED, PrimedOnly
from schema.prefetch import PAGES, RELATIONS

# The relations a compiled read primes. Their resolvers, all written with schema/node.py's
# loaded, use nothing of their `info` but `info.context`.
RELATION_FIELDS: frozenset[tuple[str, str]] = frozenset(
    (type_name, field) for type_name, fields in RELATIONS.items() for field in fields
)
# The pages of related lists a compiled read primes; their resolvers (schema/pagination.py's
# nested_connection) take `first` and `after`, and likewise use only `info.context`.
PAGE_FIELDS: frozenset[tuple[str, str]] = frozenset(
    (type_name, field) for type_name, fields in PAGES.items() for field in fields
)
_BACKREF = "strawberry-definition"
# Directives collect_fields has already applied; any other (@stream) is graphql-core's.
_EVALUATED = frozenset({"include", "skip"})


class _Fallback(Exception):
    """The direct path cannot answer this field; graphql-core's will."""


@dataclass(frozen=True)
class _Field:
    definition: GraphQLField
    read: Callable[..., Any]  # (source, context, **arguments) -> value
    complete: Callable[..., Any]  # (executor, value, field_details_list, path) -> result
    paged: bool = False  # a page of a related list: `first` and `after` go to its resolver
    resolves: bool = False  # read calls the field's resolver (else it reads an attribute)
    # The resolver `read` calls as `(source, info=PrimedOnly(context), **arguments)`.
    relation: Callable[..., Any] | None = None
    is_async: bool = False  # that resolver is a coroutine function
    attribute: str | None = None  # the attribute read, when read reads one


def _attribute(name: str) -> Callable[[Any, Any], Any]:
    def read(source: Any, _context: Any) -> Any:
        return getattr(source, name)

    return read


def _resolver(func: Callable[..., Any]) -> Callable[..., Any]:
    def read(source: Any, context: Any, **arguments: Any) -> Any:
        return func(source, info=PrimedOnly(context), **arguments)

    return read


def _of_self(func: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    def read(source: Any, _context: Any) -> Any:
        return func(source)

    return read


def _completer(gql_type: GraphQLOutputType) -> Callable[..., Any] | None:
    """How to complete a value of `gql_type` directly; None for types it leaves to
    graphql-core (interfaces, unions). A completer first checks the whole value and raises
    _Fallback before it executes any nested field, so a field is never half-done twice."""
    non_null = isinstance(gql_type, GraphQLNonNull)
    inner = gql_type.of_type if non_null else gql_type

    if isinstance(inner, GraphQLScalarType | GraphQLEnumType):
        serialize = inner.serialize

        def leaf(executor: Any, value: Any, fields: Any, path: Path) -> Any:
            if value is None:
                return absent(non_null)
            out = serialize(value)
            if out is None or out is Undefined:
                raise _Fallback
            return out

        return leaf

    if isinstance(inner, GraphQLList):
        item_type = inner.of_type
        items_non_null = isinstance(item_type, GraphQLNonNull)
        item_object = item_type.of_type if items_non_null else item_type
        if isinstance(item_object, GraphQLScalarType | GraphQLEnumType):
            return _leaves(_completer(item_type), non_null)
        if not isinstance(item_object, GraphQLObjectType):
            return None
        item = _completer(item_type)
        accepted = accepts(item_object)
        if item is None or accepted is None:
            return None

        def many(executor: Any, value: Any, fields: Any, path: Path) -> Any:
            if value is None:
                return absent(non_null)
            if type(value) is not list or not all(map(accepted, value)):
                raise _Fallback
            done: list[Any] = []
            waiting: list[int] = []
            try:
                for i, v in enumerate(value):
                    done.append(executor.complete_item(item, item_type, v, fields, path, i))
                    if executor.is_awaitable(done[-1]):
                        waiting.append(i)
            except Exception:
                if waiting:  # as graphql-core does: settle what already started
                    executor.settle_in_background([done[i] for i in waiting])
                raise
            return _gathered(done, waiting) if waiting else done

        return many

    if isinstance(inner, GraphQLObjectType):
        accepted = accepts(inner)
        if accepted is None:
            return None

        def obj(executor: Any, value: Any, fields: Any, path: Path) -> Any:
            if value is None:
                return absent(non_null)
            if not accepted(value):
                raise _Fallback
            grouped, defers, _ = executor.collect_subfields(inner, fields)
            if defers:
                raise _Fallback
            return executor.execute_fields(inner, value, path, grouped, None)

        return obj
    return None


def _leaves(leaf: Callable[..., Any] | None, non_null: bool) -> Callable[..., Any] | None:
    """How to complete a list of scalars or enums (`gaps`, `creditQualities`): each item as
    `leaf` does. An item it cannot complete (a null where the schema forbids one, a value the
    scalar refuses) sends the whole field to graphql-core, which reports it at the item's
    path."""
    if leaf is None:
        return None

    def leaves(executor: Any, value: Any, fields: Any, path: Path) -> Any:
        if value is None:
            return absent(non_null)
        if type(value) is not list:
            raise _Fallback
        try:
            return [leaf(executor, v, fields, path) for v in value]
        except Exception:
            raise _Fallback from None

    return leaves


def absent(non_null: bool) -> None:
    """A null where the schema allows one; one it forbids is left to graphql-core, which
    reports it (a plan gives up on it)."""
    if non_null:
        raise _Fallback
    return None


def accepts(object_type: GraphQLObjectType) -> Callable[[Any], bool] | None:
    """Which values complete as `object_type` here (see `accepted_class`); None when its
    class is unknown."""
    cls = accepted_class(object_type)
    if cls is None:
        return None
    if cls is object:
        return _not_null
    return lambda value: type(value) is cls


def accepted_class(object_type: GraphQLObjectType) -> type | None:
    """The class of the values that complete as `object_type`: `object`, any value but null,
    when the type has no type test (graphql-core then makes none: a page's generic
    `Connection`), else the type's own class (Strawberry's test, for the types of an
    interface); None when its class is unknown."""
    if object_type.is_type_of is None:
        return object
    return getattr(object_type.extensions.get(_BACKREF), "origin", None)


def object_type_of(gql_type: GraphQLOutputType) -> tuple[GraphQLObjectType | None, bool]:
    """The object type of a field of `gql_type` (an object or a list of objects) and
    whether it is a list; (None, False) for any other type."""
    inner = gql_type.of_type if isinstance(gql_type, GraphQLNonNull) else gql_type
    many = isinstance(inner, GraphQLList)
    if many:
        inner = inner.of_type
        inner = inner.of_type if isinstance(inner, GraphQLNonNull) else inner
    return (inner, many) if isinstance(inner, GraphQLObjectType) else (None, False)


def has_other_directives(node: Any) -> bool:
    """Whether a field node carries a directive other than those already applied."""
    return bool(node.directives) and any(d.name.value not in _EVALUATED for d in node.directives)


def _not_null(value: Any) -> bool:
    return value is not None


async def _gathered(done: list[Any], waiting: list[int]) -> list[Any]:
    # Together, as graphql-core does, so the loads of every item batch into one.
    for i, item in zip(waiting, await gather_with_cancel(*(done[i] for i in waiting)), strict=True):
        done[i] = item
    return done


def _direct_field(parent: GraphQLObjectType, name: str) -> _Field | None:
    field_def = parent.fields.get(name)
    if field_def is None:
        return None
    paged = (parent.name, name) in PAGE_FIELDS and set(field_def.args) == {"first", "after"}
    if field_def.args and not paged:
        return None
    definition = field_def.extensions.get(_BACKREF)
    if definition is None or definition.extensions or definition.permission_classes:
        return None
    complete = _completer(field_def.type)
    if complete is None:
        return None
    resolver = definition.base_resolver
    if resolver is None:
        attribute = definition.python_name
        return _Field(field_def, _attribute(attribute), complete, attribute=attribute)
    if (parent.name, name) in RELATION_FIELDS or paged:
        return _Field(
            field_def,
            _resolver(resolver.wrapped_func),
            complete,
            paged,
            resolves=True,
            is_async=resolver.is_async,
            relation=resolver.wrapped_func,
        )
    if not resolver.is_async and list(signature(resolver.wrapped_func).parameters) == ["self"]:
        # A function of the object alone (`Connection.nodes`, `Project.conflicts`).
        return _Field(field_def, _of_self(resolver.wrapped_func), complete, resolves=True)
    return None


# Per schema type and field name, worked out on first use.
_FIELDS: dict[tuple[GraphQLObjectType, str], _Field | None] = {}


def direct_field(parent: GraphQLObjectType, name: str) -> _Field | None:
    """How the direct path answers `name` on `parent`; None when it leaves it to graphql-core."""
    key = (parent, name)
    try:
        return _FIELDS[key]
    except KeyError:
        found = _FIELDS[key] = _direct_field(parent, name)
        return found


class ResolvedRoot:
    """What a root field's resolver gave (`value`) or raised (`error`) before execution
    (schema/root_fields.py)."""

    __slots__ = ("error", "value")

    def __init__(self, value: Any = None, error: Exception | None = None) -> None:
        self.value = value
        self.error = error


class ResolvedRoots(dict[str, ResolvedRoot]):
    """The operation's root fields, by response name, as their resolvers answered them before
    execution, handed to execution as the operation's root value: DirectExecutor completes
    each, or reports its error, without calling its resolver again."""


class DirectExecutor(StrawberryGraphQLCoreExecutionContext):
    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        if type(source) is ResolvedRoots:
            return self._complete_resolved(
                source[path.key], parent_type, field_details_list, path, position_context
            )
        node = field_details_list[0].node
        middleware = self.middleware_manager
        if (
            has_other_directives(node)
            or position_context is not None
            or (middleware is not None and middleware.middlewares)
        ):
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        name = node.name.value
        if name == "__typename":
            return parent_type.name
        direct = direct_field(parent_type, name)
        if direct is None or (node.arguments and not direct.paged):
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        try:
            arguments = self.arguments_of(direct, field_details_list)
            value = direct.read(source, self.context_value, **arguments)
        except Exception:
            value = NOT_PRIMED  # graphql-core's path runs it again and reports the error
        if value is NOT_PRIMED:
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        return_type = direct.definition.type
        if self.is_awaitable(value):  # as graphql-core completes a resolver's awaitable
            info = self.build_resolve_info(
                direct.definition, to_nodes(field_details_list), parent_type, path
            )
            return self.complete_awaitable_value(
                return_type, field_details_list, info, path, value, position_context
            )
        try:
            done = direct.complete(self, value, field_details_list, path)
        except _Fallback:
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        except Exception as raw_error:  # a nested non-null field failed: as graphql-core does
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        if self.is_awaitable(done):
            return self._settled(done, return_type, field_details_list, path)
        return done

    def _complete_resolved(
        self,
        resolved: ResolvedRoot,
        parent_type: GraphQLObjectType,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        """graphql-core's execute_field after its resolver call, with the result given."""
        definition = parent_type.fields[field_details_list[0].node.name.value]
        return_type = definition.type
        try:
            if resolved.error is not None:
                raise resolved.error
            info = self.build_resolve_info(
                definition, to_nodes(field_details_list), parent_type, path
            )
            done = self.complete_value(
                return_type, field_details_list, info, path, resolved.value, position_context
            )
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        if self.is_awaitable(done):
            return self._settled(done, return_type, field_details_list, path)
        return done

    def arguments_of(self, direct: _Field, field_details_list: Any) -> dict[str, Any]:
        """The arguments `direct.read` takes: a compiled page's `first` and `after`, coerced
        from the request's variables; none for any other field."""
        if not direct.paged:
            return {}
        return get_argument_values(
            direct.definition,
            field_details_list[0].node,
            self.variable_values,
            field_details_list[0].fragment_variable_values,
        )

    def complete_item(
        self, item: Callable[..., Any], item_type: Any, value: Any, fields: Any, path: Path, i: int
    ) -> Any:
        """One item of a list, an error in it reported at its own path (as graphql-core's
        list completion does)."""
        item_path = path.add_key(i, None)
        try:
            done = item(self, value, fields, item_path)
        except _Fallback:
            raise
        except Exception as raw_error:
            self.handle_field_error(raw_error, item_type, fields, item_path)
            return None
        if self.is_awaitable(done):
            return self._settled(done, item_type, fields, item_path)
        return done

    async def _settled(self, done: Any, return_type: Any, fields: Any, path: Path) -> Any:
        try:
            return await done
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, fields, path)
            return None
