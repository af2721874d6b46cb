"""What is worked out from a query's document once and read again when a client repeats the
query (the common case): its projection, its compiled reads' plans, its cost. Bounded: the
least recently used entry goes first, so distinct query texts cannot grow memory."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

import orjson

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
