"""What is worked out from a query's document once and read again when a client repeats the
query (the common case): its projection, its compiled reads' plans, its cost. Bounded: the
least recently used entry goes first, so distinct query texts cannot grow memory."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, Generic, TypeVar

import orjson
from graphql import FieldNode, VariableNode, Visitor, visit

V = TypeVar("V")


class DocumentCache(Generic[V]):
    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, V] = OrderedDict()

    def get_or_make(self, key: Hashable | None, make: Callable[[], V]) -> V:
        """The value kept for `key`, else `make()` kept under it; a None key is never kept
        (and what `make` raises is not kept either)."""
        if key is None:
            return make()
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
            return found
        value = make()
        self._kept[key] = value
        if len(self._kept) > self.size:
            self._kept.popitem(last=False)
        return value

    def peek(self, key: Hashable) -> V | None:
        """The value kept for `key`, if any (its place in the order unchanged)."""
        return self._kept.get(key)


def document_key(raw_info: Any) -> tuple[Any, ...] | None:
    """The schema, query text and operation of a request, from graphql-core's resolve info;
    None for a document that was not parsed from a text."""
    operation = raw_info.operation
    if operation.loc is None:
        return None
    name = operation.name.value if operation.name else None
    return (id(raw_info.schema), operation.loc.source.body, name)


def variables_key(variables: Any) -> bytes | None:
    """The variables in a form that can be compared; None when they cannot be encoded."""
    try:
        return orjson.dumps(variables, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        return None


def nested_variables_key(
    document: Hashable | None, operation: Any, fragments: Iterable[Any], values: Mapping[str, Any]
) -> bytes | None:
    """The values of the variables used below an operation's root fields (its root fields'
    own arguments left out: `project(ref: $ref)`), compared as `variables_key` compares;
    what is worked out below the root depends on no other. `fragments`: the document's
    fragment definitions."""
    names = _NESTED.get_or_make(document, lambda: nested_variables(operation, fragments))
    return variables_key({name: values.get(name) for name in sorted(names)})


# Per document: the names of the variables used below its root fields.
_NESTED: DocumentCache[frozenset[str]] = DocumentCache()


def nested_variables(operation: Any, fragments: Iterable[Any]) -> frozenset[str]:
    """The variables an operation uses anywhere but in its root fields' arguments: those
    what is worked out below the root can depend on."""
    found: set[str] = set()

    class Uses(Visitor):
        def enter_variable(self, node: VariableNode, *_: Any) -> None:
            found.add(node.name.value)

    for selection in operation.selection_set.selections:
        if isinstance(selection, FieldNode):
            for part in (*(selection.directives or ()), selection.selection_set):
                if part is not None:
                    visit(part, Uses())
        else:
            visit(selection, Uses())
    for fragment in fragments:
        visit(fragment, Uses())
    return frozenset(found)
