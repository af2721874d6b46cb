"""What every type shares: the Relay `Node` interface with opaque global ids, the data
quality of a record and the sources it came from."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info

from cypher.migrations import NODE_KEYS
from cypher.store import Row
from schema.context import RequestContext
from schema.errors import BadUserInput
from schema.loaders import MISSING, PrimedLoader

T = TypeVar("T")


@strawberry.enum(description="How far a record can be trusted.")
class DataQuality(Enum):
    OFFICIAL = "OFFICIAL"
    SECONDARY = "SECONDARY"
    ILLUSTRATIVE = "ILLUSTRATIVE"


_QUALITIES = {quality.value: quality for quality in DataQuality}


def data_quality(value: str) -> DataQuality:
    """The member for a stored value, without the enum's call (a trace converts two dozen);
    an unknown value raises as the call does."""
    return _QUALITIES.get(value) or DataQuality(value)


@strawberry.enum(description="How a fact came about.")
class Basis(Enum):
    STATED = strawberry.enum_value("STATED", description="A cited source states it.")
    INFERRED = strawberry.enum_value(
        "INFERRED", description="JCM Graph inferred it (e.g. a technology read from a title)."
    )
    CONSTRUCTED = strawberry.enum_value(
        "CONSTRUCTED",
        description="JCM Graph constructed it (e.g. serial numbers inside a real issuance).",
    )


@strawberry.type(description="One value that a set of sources gives for a field.")
class ConflictValue:
    value: str = strawberry.field(description="The value as the sources give it, as text.")
    sources: list[str] = strawberry.field(description="URLs of the sources that give it.")


@strawberry.type(description="Sources that disagree on one field; every value is kept.")
class Conflict:
    field: str = strawberry.field(description="The field in question, e.g. `title`.")
    values: list[ConflictValue] = strawberry.field(
        description="Each value with its sources; the first is the one the record shows."
    )


def conflicts_of(raw: str | None) -> list[Conflict]:
    """The conflicts stored on a node as JSON text."""
    if not raw:
        return []
    return [
        Conflict(field=c["field"], values=[ConflictValue(**v) for v in c["values"]])
        for c in json.loads(raw)
    ]


# Pages give out the same ids again and again (countries, technologies, the projects of a
# page): encoding each anew took about 0.08 of the 5.4 ms of a page of 50 projects.
@functools.lru_cache(maxsize=16384)
def global_id(type_name: str, key: Any) -> strawberry.ID:
    raw = f"{type_name}:{key}".encode()
    return strawberry.ID(base64.urlsafe_b64encode(raw).decode().rstrip("="))


def parse_global_id(value: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        type_name, key = raw.split(":", 1)
    except (ValueError, UnicodeDecodeError):
        raise BadUserInput(
            f"{value!r} is not a node id given out by this API", field="id"
        ) from None
    return type_name, key


@strawberry.interface(description="An object with a global id, fetchable with `node(id:)`.")
class Node:
    id: strawberry.ID


@strawberry.type(description="Where a fact comes from.")
class Source(Node):
    key: str
    url: str
    title: str | None
    publisher: str | None
    published_on: dt.date | None
    data_quality: DataQuality


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def from_row(cls: type[T], row: dict[str, Any], **extra: Any) -> T:
    """Build a Strawberry type from a store row: each field takes the camelCase property.

    For node types (named like their label), `id` is the global id and `key` the graph's
    own `id` property."""
    plan = _row_plan(cls)
    # Every field None, then those the row has: a compiled read's row holds only the
    # properties a request reads, often 3 of a type's 20-odd.
    values = plan.empty.copy()
    field_of = plan.field_of
    for prop, value in row.items():
        name = field_of.get(prop)
        if name is not None:
            values[name] = value
    quality = values.get("data_quality")
    if quality is not None and "data_quality" not in extra:
        values["data_quality"] = data_quality(quality)
    graph_key = plan.graph_key
    if graph_key is not None:
        values["id"] = global_id(cls.__name__, row[graph_key])
        if graph_key == "id":
            values["key"] = row["id"]
    if extra:
        values.update(extra)
        if not extra.keys() <= plan.names:
            return cls(**values)  # which reports the name it does not take
    if not plan.direct:
        return cls(**values)
    # What the dataclass constructor would do, without its call: a page of 50 projects
    # builds about 250 objects, and the keyword call of 20-odd fields took half of each.
    built = cls.__new__(cls)
    built.__dict__.update(values)
    return built


@dataclasses.dataclass(frozen=True)
class _RowPlan:
    graph_key: str | None  # None for a type that is not a node
    fields: tuple[tuple[str, str], ...]  # (field, property) of each field read from a row
    names: frozenset[str]  # every field the constructor takes
    direct: bool  # the constructor only sets the fields it is given: `from_row` may skip it
    empty: dict[str, None]  # each field read from a row, None
    field_of: dict[str, str]  # property -> the field that reads it


@functools.cache
def _row_plan(cls: type) -> _RowPlan:
    """How `from_row` builds a type: every init field but the id and key given by the graph
    key is read from the row."""
    graph_key = NODE_KEYS.get(cls.__name__)
    derived = {"id", "key"} if graph_key == "id" else {"id"} if graph_key is not None else set()
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    direct = (
        not hasattr(cls, "__post_init__")
        and cls.__dictoffset__ != 0  # its objects keep their fields in a __dict__
        and all(
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            for f in fields
            if not f.init
        )
    )
    read = tuple((n, p) for n, p in row_fields(cls) if n not in derived)
    field_of = {p: n for n, p in read}
    if len(field_of) != len(read):  # every type of the schema is built in tests/schema
        raise TypeError(f"two fields of {cls.__name__} read one property")
    return _RowPlan(
        graph_key,
        read,
        frozenset(f.name for f in fields if f.init),
        direct,
        dict.fromkeys(n for n, _ in read),
        field_of,
    )


@functools.cache
def row_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """(field, property) for each init field of a type, computed once per type."""
    return tuple(
        (f.name, f.metadata.get("prop") or camel(f.name))
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.init
    )


class PrimedOnly:
    """The `info` schema/direct_fields.py gives a relation resolver: it has the request's
    context, and asks for what the request already holds, never for a load."""

    # A plain class: one is made per relation field answered (a frozen dataclass's
    # constructor cost more than the rest of the field's lookup).
    __slots__ = ("context",)

    def __init__(self, context: RequestContext) -> None:
        self.context = context


NOT_PRIMED = object()  # what `loaded` answers a PrimedOnly info when it would have to load


def loaded(info: Any, loader: PrimedLoader, key: Any, build: Callable[[Any], T]) -> Any:
    """`build` of the loader's value for `key`: the result itself when the request already
    holds the value (a compiled read primed the loader), else an awaitable that loads it.
    GraphQL execution takes both; a value spares it a task per field (a page of 50 projects
    has hundreds of them). Given a PrimedOnly info, it answers NOT_PRIMED instead of loading."""
    held = loader.primed.get(key, MISSING)  # `loader.held`, its common case in place
    if held is MISSING:
        held = loader.held(key)
    if held is not MISSING:
        return build(held)
    if isinstance(info, PrimedOnly):
        return NOT_PRIMED
    return _build_later(loader.load(key), build)


async def _build_later(value: Awaitable[Any], build: Callable[[Any], T]) -> T:
    return build(await value)


def related_rows(
    info: Info[RequestContext, None], query: str, key: Any, build: Callable[[Row], T]
) -> list[T] | Awaitable[list[T]]:
    """A relation's items, each built from its row (see `loaded`). `build` is a module-level
    function: its list builder (`rows_of`) is made once and kept."""
    loader = info.context.loaders.related(query)
    return loaded(info, loader, key, rows_of(build))


F = TypeVar("F", bound=Callable[..., Any])


def node_relation(resolver: F) -> F:
    """Marks a relation field's resolver as answering, and doing nothing else, `related` or
    `related_one` of the field's relation query (schema/prefetch.py's RELATIONS) for the
    object's graph key: the nodes built with `nodes_of`, or the first with `first_node_of`.
    An object's plan (schema/object_plans.py) then reads the primed loader itself instead
    of calling the resolver (a page of 50 projects answers 100 such fields).
    tests/schema/test_object_plans.py holds every marked resolver to that."""
    resolver.node_relation = True  # type: ignore[attr-defined]
    return resolver


def row_relation(build_row: Callable[[Row], Any]) -> Callable[[F], F]:
    """Marks a relation field's resolver as answering, and doing nothing else,
    `related_rows(info, <the field's relation query>, <the object's graph key>, build_row)`:
    an object's plan then reads the primed loader and builds the items itself, as for
    `node_relation` (a page of 50 projects with their funding answers 50 such fields)."""

    def mark(resolver: F) -> F:
        resolver.node_relation = True  # type: ignore[attr-defined]
        resolver.row_builder = build_row  # type: ignore[attr-defined]
        return resolver

    return mark


@functools.cache
def rows_of(build_row: Callable[[Row], T]) -> Callable[[list[Row]], list[T]]:
    """Builds a relation's items from its rows with `build_row` (see `row_relation`)."""

    def build(rows: list[Row]) -> list[T]:
        return [build_row(row) for row in rows]

    return build


def graph_key_attribute(type_name: str) -> str | None:
    """The attribute holding a node type's graph key (`key` for the `id` property)."""
    prop = NODE_KEYS.get(type_name)
    return "key" if prop == "id" else prop


@functools.cache
def nodes_of(cls: type[T]) -> Callable[[list[Row]], list[T]]:
    """Builds a relation's items of type `cls` from its rows: one function per type, not a
    closure per relation field answered."""

    def build(rows: list[Row]) -> list[T]:
        return [from_row(cls, row["node"]) for row in rows]

    return build


@functools.cache
def first_node_of(cls: type[T]) -> Callable[[list[Row]], T | None]:
    """Builds a to-one relation's item of type `cls` (None without one) from its rows."""

    def build(rows: list[Row]) -> T | None:
        return from_row(cls, rows[0]["node"]) if rows else None

    return build


def source_of_row(row: Row) -> Source:
    return from_row(Source, row["node"])


def sources_of(
    info: Info[RequestContext, None], label: str, key: Any
) -> list[Source] | Awaitable[list[Source]]:
    return related_rows(info, f"sources_of_{label}", key, source_of_row)
