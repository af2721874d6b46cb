"""Relay-style cursor connections: `first` (default 20, at most 100), `after`, `totalCount`."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import strawberry

from schema.errors import BadUserInput, LimitExceeded
from schema.node import loaded

T = TypeVar("T")
DEFAULT_PAGE = 20
MAX_PAGE = 100


# The cursor of the item at a position of a page, made when a client asks for it (most
# requests select the nodes alone, and a cursor costs an encoding).
CursorAt = Callable[[int], str]


@strawberry.type(description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    size: strawberry.Private[int]
    cursor_at: strawberry.Private[CursorAt]

    @strawberry.field
    def start_cursor(self) -> str | None:
        return self.cursor_at(0) if self.size else None

    @strawberry.field
    def end_cursor(self) -> str | None:
        return self.cursor_at(self.size - 1) if self.size else None


@strawberry.type
class Edge(Generic[T]):
    node: T
    position: strawberry.Private[int]
    cursor_at: strawberry.Private[CursorAt]

    @strawberry.field
    def cursor(self) -> str:
        return self.cursor_at(self.position)


@strawberry.type(description="A page of a list, with cursors to go on from.")
class Connection(Generic[T]):
    page_nodes: strawberry.Private[list[T]]
    page_info: PageInfo
    # The total when the page's read counted it, else what counts it when asked.
    count: strawberry.Private[int | Callable[[], Awaitable[int]]]

    @strawberry.field
    def edges(self) -> list[Edge[T]]:
        # Made when asked for: most requests select the nodes alone.
        cursor_at = self.page_info.cursor_at
        return [
            Edge(node=n, position=i, cursor_at=cursor_at) for i, n in enumerate(self.page_nodes)
        ]

    @strawberry.field(description="The page's nodes, without cursors.")
    def nodes(self) -> list[T]:
        return self.page_nodes

    @strawberry.field(description="How many there are in all (for this filter).")
    def total_count(self) -> int:
        # A known total is answered at once; GraphQL execution awaits the other.
        return self.count if isinstance(self.count, int) else self.count()  # type: ignore[return-value]


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE
    if first < 0:
        raise BadUserInput("`first` must be 0 or more", field="first")
    if first > MAX_PAGE:
        raise LimitExceeded(
            f"`first` may be at most {MAX_PAGE}; page on with `after`", field="first", max=MAX_PAGE
        )
    return first


def connection(
    nodes: list[Any],
    cursor_at: CursorAt,
    has_next: bool,
    count: int | Callable[[], Awaitable[int]],
    *,
    has_previous: bool = False,
) -> Connection[Any]:
    """A page of `nodes`; `cursor_at(i)` gives the cursor of the i-th when it is asked for."""
    info = PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        size=len(nodes),
        cursor_at=cursor_at,
    )
    return Connection(page_nodes=nodes, page_info=info, count=count)


# Nested lists page by their node key only: the cursor is that key, made opaque.
def key_cursor(key: Any) -> str:
    raw = json.dumps(["k", key]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_key_cursor(cursor: str | None) -> Any:
    if cursor is None:
        return None
    try:
        tag, key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError):
        tag, key = None, None
    if tag != "k" or not isinstance(key, str | int):
        raise BadUserInput(
            "the cursor is not one this API gave out; start again without it", field="after"
        )
    return key


def nested_connection(
    info: Any,
    query: str,
    parent_key: Any,
    first: int | None,
    after: str | None,
    make: Callable[[dict[str, Any]], Any],
    node_key: str,
) -> Connection[Any]:
    """A page of a related list, batch-loaded across all parents in the response: the page
    itself when a compiled read primed it, else an awaitable (schema/node.py's `loaded`)."""
    size = page_size(first)
    loader = info.context.loaders.page(query, size, parse_key_cursor(after))

    def page(row: dict[str, Any]) -> Connection[Any]:
        items = row["items"]
        nodes = [make(item) for item in items]
        return connection(
            nodes, lambda i: key_cursor(items[i]["node"][node_key]), row["hasNext"], row["total"]
        )

    return loaded(info, loader, parent_key, page)
