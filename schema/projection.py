"""Which properties a request needs of each node type, so compiled reads return those and not
every property (`b {.id, .name}` instead of `b {.*}`): less for the database to send and for
the client to parse.

The unit is the node type, not the place in the query: for each object type, the union of the
fields the whole document selects on it (fragments and interfaces included). A row read for
one place may serve another place of the same request through the data loaders, and every
place of that type is covered by the union.

A field maps to properties as follows: a plain field to its own property; a resolver to the
properties it reads from `self`, found by reading its source once (`self.former_refs_raw`
gives `formerRefs`). A resolver that hands `self` on, or reads anything but a stored field,
needs every property: that type is then read whole (`{.*}`). The graph key is always read.
"""

from __future__ import annotations

import ast
import functools
import inspect
import textwrap
from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLObjectType,
    GraphQLSchema,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    is_abstract_type,
    visit,
)

from cypher.compiled_reads import Projection
from cypher.migrations import NODE_KEYS
from schema.document_cache import DocumentCache, document_key
from schema.node import row_fields

# graphql-core's types and fields carry Strawberry's own definitions under this key.
DEFINITION = "strawberry-definition"
# Every property (`{.*}`): a field whose reads cannot be told.
WHOLE = None


def request_projection(raw_info: Any) -> Projection:
    """The properties per node label that the request of `raw_info` (graphql-core's
    GraphQLResolveInfo) needs; a label absent from it is read whole."""
    return _KEPT.get_or_make(
        document_key(raw_info),
        lambda: projection_of(raw_info.schema, raw_info.operation, raw_info.fragments),
    )


# Per document and operation: computed once (clients repeat the same queries).
_KEPT: DocumentCache[Projection] = DocumentCache()


def projection_of(schema: GraphQLSchema, operation: Any, fragments: dict[str, Any]) -> Projection:
    """The projection for an operation of a document and the document's fragments."""
    selected = selected_fields(schema, [operation, *fragments.values()])
    out = []
    for name, fields in sorted(selected.items()):
        gql_type = schema.type_map.get(name)
        if name not in NODE_KEYS or not isinstance(gql_type, GraphQLObjectType):
            continue
        props = properties(gql_type, frozenset(fields))
        if props is not WHOLE:
            out.append((name, props))
    return tuple(out)


def projection_with(raw_info: Any, needs: tuple[tuple[str, tuple[str, ...]], ...]) -> Projection:
    """For a read of node types whether or not the request selects them: per label of
    `needs`, its graph key, the properties `needs` gives it and those the request selects on
    its type; a label whose selection needs every property is left out (read whole)."""
    document = document_key(raw_info)
    return _WITH.get_or_make(
        None if document is None else (document, needs),
        lambda: projection_for_needs(
            raw_info.schema, raw_info.operation, raw_info.fragments, needs
        ),
    )


# Per document, operation and needs.
_WITH: DocumentCache[Projection] = DocumentCache()


def projection_for_needs(
    schema: GraphQLSchema,
    operation: Any,
    fragments: dict[str, Any],
    needs: tuple[tuple[str, tuple[str, ...]], ...],
) -> Projection:
    """`projection_with` for an operation of a document and the document's fragments."""
    selected = selected_fields(schema, [operation, *fragments.values()])
    out = []
    for label, own in needs:
        props = {NODE_KEYS[label], *own}
        if label in selected:
            chosen = properties(schema.type_map[label], frozenset(selected[label]))
            if chosen is WHOLE:
                continue
            props.update(chosen)
        out.append((label, tuple(sorted(props))))
    return tuple(out)


def selected_fields(schema: GraphQLSchema, definitions: list[Any]) -> dict[str, set[str]]:
    """Per object type, the names of the fields the definitions select on it (a field
    selected on an interface counts for every type that implements it)."""
    out: dict[str, set[str]] = {}
    type_info = TypeInfo(schema)

    class Collect(Visitor):
        def enter_field(self, node: Any, *_: Any) -> None:
            parent = type_info.get_parent_type()
            if parent is None:
                return
            types = schema.get_possible_types(parent) if is_abstract_type(parent) else [parent]
            for t in types:
                out.setdefault(t.name, set()).add(node.name.value)

    for definition in definitions:
        visit(definition, TypeInfoVisitor(type_info, Collect()))
    return out


@functools.lru_cache(maxsize=4096)
def properties(gql_type: GraphQLObjectType, fields: frozenset[str]) -> tuple[str, ...] | None:
    """The properties a node of `gql_type` needs for `fields`, sorted; WHOLE when one of
    them needs every property."""
    cls = gql_type.extensions[DEFINITION].origin
    key = NODE_KEYS[gql_type.name]
    props = {key}
    for name in fields:
        field = gql_type.fields.get(name)
        if field is None:  # __typename
            continue
        needs = _field_needs(cls, key, field.extensions.get(DEFINITION))
        if needs is WHOLE:
            return WHOLE
        props |= needs
    return tuple(sorted(props))


def _field_needs(cls: type, key: str, field: Any) -> frozenset[str] | None:
    if field is None:
        return WHOLE
    if field.base_resolver is None:
        return _stored(cls, key).get(field.python_name, WHOLE)
    return resolver_reads(cls, key, field.base_resolver.wrapped_func)


@functools.cache
def _stored(cls: type, key: str) -> dict[str, frozenset[str]]:
    """Per stored (init) field of `cls`, the property it is read from (`id` and, for types
    keyed by `id`, `key` come from the graph key)."""
    out = {name: frozenset([prop]) for name, prop in row_fields(cls)}
    out["id"] = frozenset([key])
    if key == "id":
        out["key"] = frozenset([key])
    return out


@functools.cache
def resolver_reads(cls: type, key: str, func: Callable[..., Any]) -> frozenset[str] | None:
    """The properties a resolver of `cls` reads from `self`, or WHOLE when that cannot be
    told (its source is not available, it passes `self` on, or reads a non-stored field)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError):
        return WHOLE
    function = tree.body[0]
    if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        return WHOLE
    params = function.args.posonlyargs + function.args.args
    if not params:
        return frozenset()
    me = params[0].arg
    stored = _stored(cls, key)
    attributes: set[str] = set()
    plain: set[int] = set()  # ids of the `self` names read as `self.x` or getattr(self, "x")
    for node in ast.walk(function):
        if isinstance(node, ast.Attribute) and _is(node.value, me):
            attributes.add(node.attr)
            plain.add(id(node.value))
        elif (
            isinstance(node, ast.Call)
            and _is(node.func, "getattr")
            and len(node.args) >= 2
            and _is(node.args[0], me)
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            attributes.add(node.args[1].value)
            plain.add(id(node.args[0]))
    bare = [n for n in ast.walk(function) if _is(n, me) and id(n) not in plain]
    if bare:  # `self` handed on (to a helper, a constructor): what it reads is not known here
        return WHOLE
    needs: set[str] = set()
    for name in attributes:
        if name not in stored:
            return WHOLE
        needs |= stored[name]
    return frozenset(needs)


def _is(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name
