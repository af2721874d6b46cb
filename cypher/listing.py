"""Filtered, sorted, keyset-paginated lists, computed entirely in Cypher.

Each listing is a named query with marked slots (`WITH n /*derive*/`, `true /*filter*/`,
`n.key /*order*/`, `[n.key] /*sortkey*/`) that are valid Cypher as written (and linted so).
This module fills the slots from a whitelist: filter fields, sort fields and the keyset
condition come only from the listing's spec, values only travel as parameters. So a client
can compose filters with AND / OR / NOT, but never inject Cypher.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from cypher.compiled_pages import composed_page, projected_page
from cypher.compiled_reads import Plan, Projection, relation_params
from cypher.compiled_rows import Related, related_of
from cypher.store import GraphStore

Op = Literal["in", "eq", "gte", "lte", "any_in", "flag", "contains_unit", "overlaps"]


class ListingError(ValueError):
    """A filter, sort or cursor the listing cannot use; the message says what to fix."""


@dataclass(frozen=True)
class FilterField:
    """`expr` is over the row variable `n`, or names a derived column (see `derive`)."""

    expr: str
    op: Op
    derive: str | None = None  # Cypher expression computed before WHERE, named `expr`
    date: bool = False


@dataclass(frozen=True)
class SortField:
    expr: str  # must never be null: wrap in coalesce()
    kind: Literal["string", "number"]


@dataclass(frozen=True)
class Listing:
    label: str
    key: str
    page_query: str
    count_query: str
    filters: dict[str, FilterField]
    sorts: dict[str, SortField]
    default_order: tuple[tuple[str, str], ...] = ()


@dataclass
class Compiled:
    derive: list[str] = field(default_factory=list)
    predicates: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def param(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f"${name}"


def compile_filter(listing: Listing, tree: dict[str, Any] | None, out: Compiled) -> str:
    """A boolean Cypher expression for a filter tree {field: value, and: [...], or: [...],
    not: {...}}. Empty parts are left out; an empty tree matches everything."""
    if not tree:
        return "true"
    parts = []
    for name, value in tree.items():
        if value is None:
            continue
        if name == "and":
            parts += [f"({compile_filter(listing, t, out)})" for t in value]
        elif name == "or":
            if value:
                parts.append(
                    "(" + " OR ".join(f"({compile_filter(listing, t, out)})" for t in value) + ")"
                )
        elif name == "not":
            parts.append(f"NOT ({compile_filter(listing, value, out)})")
        else:
            parts.append(_leaf(listing, name, value, out))
    return " AND ".join(parts) if parts else "true"


def _leaf(listing: Listing, name: str, value: Any, out: Compiled) -> str:
    spec = listing.filters.get(name)
    if spec is None:
        raise ListingError(f"{listing.label} cannot be filtered by {name!r}")
    if spec.derive:
        derived = f"{spec.derive} AS {spec.expr}"
        if derived not in out.derive:
            out.derive.append(derived)
    if spec.op == "contains_unit":  # range algebra on blocks: value {series, unit}
        series, unit = out.param(value["series"]), out.param(value["unit"])
        return f"(n.series = {series} AND n.first <= {unit} AND n.last >= {unit})"
    if spec.op == "overlaps":  # value {series, first, last}
        series, first = out.param(value["series"]), out.param(value["first"])
        last = out.param(value["last"])
        return f"(n.series = {series} AND n.first <= {last} AND n.last >= {first})"
    p = out.param(value)
    value_expr = f"date({p})" if spec.date else p
    match spec.op:
        case "in":
            return f"{spec.expr} IN {p}"
        case "eq":
            return f"{spec.expr} = {p}"
        case "gte":
            return f"{spec.expr} >= {value_expr}"
        case "lte":
            return f"{spec.expr} <= {value_expr}"
        case "any_in":
            return f"any(x IN {spec.expr} WHERE x IN {p})"
        case "flag":
            return f"({spec.expr} > 0) = {p}"
    raise AssertionError(spec.op)


@dataclass(frozen=True)
class Ordering:
    fields: tuple[tuple[str, str], ...]  # (sort field name, ASC|DESC), the key last

    @functools.cached_property  # asked once per cursor: 50 times for a page of 50
    def fingerprint(self) -> str:
        return hashlib.sha1(json.dumps(self.fields).encode()).hexdigest()[:8]


def ordering(listing: Listing, order: list[tuple[str, str]] | None) -> Ordering:
    fields = list(order or listing.default_order)
    for name, direction in fields:
        if name not in listing.sorts:
            raise ListingError(f"{listing.label} cannot be sorted by {name!r}")
        if direction not in ("ASC", "DESC"):
            raise ListingError(f"sort direction must be ASC or DESC, not {direction!r}")
    # The unique key breaks ties: a total order. An ordering that has it already (`ID`) gets
    # no second copy, so its keyset stays one range of the key, which Neo4j seeks in order.
    key = f"n.{listing.key}"
    if not any(name == "__key" or _sort_expr(listing, name).expr == key for name, _ in fields):
        fields.append(("__key", "ASC"))
    return Ordering(tuple(fields))


def _sort_expr(listing: Listing, name: str) -> SortField:
    if name == "__key":
        return SortField(f"n.{listing.key}", "string")
    return listing.sorts[name]


def encode_cursor(order: Ordering, values: list[Any]) -> str:
    raw = json.dumps([order.fingerprint, values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(order: Ordering, cursor: str, listing: Listing) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        fingerprint, values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError) as exc:
        raise ListingError(
            "the cursor is not one this API gave out; start again without it"
        ) from exc
    if fingerprint != order.fingerprint:
        raise ListingError("the cursor belongs to another ordering; keep orderBy as it was")
    if not isinstance(values, list) or len(values) != len(order.fields):
        raise ListingError("the cursor is not one this API gave out; start again without it")
    for (name, _), value in zip(order.fields, values, strict=True):
        kind = _sort_expr(listing, name).kind
        valid = isinstance(value, str) if kind == "string" else isinstance(value, int | float)
        if not valid or isinstance(value, bool):
            raise ListingError("the cursor is not one this API gave out; start again without it")
    return values


def keyset(
    listing: Listing, order: Ordering, values: list[Any], out: Compiled, *, by_index: bool
) -> str:
    """Rows strictly after `values` in `order`: (a > x) OR (a = x AND b > y) OR …
    `by_index`: the store reads a bound on a bare property from its index, in order."""
    disjuncts = []
    for i, (name, direction) in enumerate(order.fields):
        terms = [
            f"{_sort_expr(listing, prior).expr} = {out.param(values[j])}"
            for j, (prior, _) in enumerate(order.fields[:i])
        ]
        op = ">" if direction == "ASC" else "<"
        sort = _sort_expr(listing, name)
        bounded = sort.expr if by_index else _off_index(sort)
        terms.append(f"{bounded} {op} {out.param(values[i])}")
        disjuncts.append("(" + " AND ".join(terms) + ")")
    return "(" + " OR ".join(disjuncts) + ")"


def _off_index(sort: SortField) -> str:
    """A bare property wrapped so that FalkorDB reads no range of its index for the bound.
    It reads such a range row by row several times more slowly than the whole label, and
    sorts what it reads either way: the page after the first of 114,404 credit blocks took
    423 ms by the id index, 85 ms by the label (the statement alone, 2026-12-02). And
    FalkorDB 4.16 answers string ranges read from an index wrongly: `<` and `<=` return rows
    that are greater (block ids, project refs, series, organization names), and `>` and `>=`
    over organization names leave out names in Japanese script (1,000 synthetic projects,
    2026-12-02). The value is the same, as keys and sort properties are never null."""
    if re.fullmatch(r"n\.\w+", sort.expr):
        fallback = "''" if sort.kind == "string" else "-1.0e300"
        return f"coalesce({sort.expr}, {fallback})"
    return sort.expr


def fill(
    text: str,
    compiled: Compiled,
    order: Ordering | None,
    listing: Listing,
    *,
    keep_projection: bool = False,
) -> str:
    """The statement with its slots filled. Without derived columns (and `keep_projection`)
    the `WITH n` before the filter goes, and the filter becomes the MATCH's own."""
    predicate = " AND ".join(compiled.predicates) or "true"
    if compiled.derive or keep_projection:
        text = text.replace(
            "WITH n /*derive*/", "WITH n" + "".join(f", {d}" for d in compiled.derive)
        )
    else:
        # Nothing derived: the filter becomes the MATCH's own WHERE. FalkorDB then passes no
        # row through a projection first: a page of 114,404 credit blocks took it 34 ms, not
        # 40, and a count of them alone reads its label's count (0.7 ms, not 22).
        text = text.replace("\nWITH n /*derive*/\n", "\n")
    text = text.replace("true /*filter*/", predicate)
    if order is not None:
        exprs = [(_sort_expr(listing, name).expr, d) for name, d in order.fields]
        text = text.replace(f"n.{listing.key} /*order*/", ", ".join(f"{e} {d}" for e, d in exprs))
        text = text.replace(
            f"[n.{listing.key}] /*sortkey*/", "[" + ", ".join(e for e, _ in exprs) + "]"
        )
    return text


@dataclass
class Page:
    rows: list[dict[str, Any]]
    # Each row's values of the ordering: its cursor is made from them when asked for (None
    # when the page was read without them).
    sort_keys: list[list[Any]] | None
    ordering: Ordering
    has_next: bool
    has_previous: bool = False
    # The relations asked for with the page, of all its nodes (cypher/compiled_reads.py).
    related: Related = field(default_factory=lambda: Related({}, {}))
    # How many rows match the filter, when asked for with the page.
    total: int | None = None

    def cursor(self, position: int) -> str:
        """The cursor of the row at `position`."""
        if self.sort_keys is None:
            raise RuntimeError("the page was read without its cursors")
        return encode_cursor(self.ordering, [_jsonable(v) for v in self.sort_keys[position]])


@dataclass(frozen=True)
class PageStatement:
    """What `fetch_page` sends: the statement's name (for metrics and logs), its text and
    parameters, and the ordering the page is given in."""

    name: str
    text: str
    params: dict[str, Any]
    ordered: Ordering


def page_statement(
    store: GraphStore,
    listing: Listing,
    *,
    tree: dict[str, Any] | None,
    order: list[tuple[str, str]] | None,
    first: int,
    after: str | None,
    backward: bool = False,
    relations: Sequence[Plan] = (),
    with_total: bool = False,
    projection: Projection = (),
    cursors: bool = True,
) -> PageStatement:
    """The statement of a page (see `fetch_page`)."""
    ordered = ordering(listing, order)
    reading = ordered
    if backward:
        flipped = tuple((n, "DESC" if d == "ASC" else "ASC") for n, d in ordered.fields)
        reading = Ordering(flipped)
    compiled = Compiled()
    compiled.predicates.append(compile_filter(listing, tree, compiled))
    by_index = store.reads_index_order
    if after:
        values = decode_cursor(ordered, after, listing)
        compiled.predicates.append(keyset(listing, reading, values, compiled, by_index=by_index))
    elif by_index and _sort_expr(listing, reading.fields[0][0]).expr == f"n.{listing.key}":
        # Always true, but it lets Neo4j read the key's index in the page's order and stop at
        # the page's end, where it scanned the label and kept the top rows of all of them.
        compiled.predicates.append(f"n.{listing.key} IS NOT NULL")
    text = fill(store.registry.get(listing.page_query).text, compiled, reading, listing)
    params = {**compiled.params, "limit": first + 1, **relation_params(relations)}
    name = listing.page_query
    if relations or with_total:
        count_text = None
        if with_total:  # the same filter, with the page's own parameters
            count_text = _total_text(store, listing, compiled, params)
        text = composed_page(
            store.registry,
            text,
            listing.key,
            relations,
            count_text,
            label=listing.label,
            projection=projection,
            cursors=cursors,
        )
        name += "_composed"  # the page with its relations and total (metrics, logs)
    else:
        text = projected_page(text, listing.label, projection, cursors=cursors)
    return PageStatement(name, text, params, ordered)


def _total_text(
    store: GraphStore, listing: Listing, compiled: Compiled, params: dict[str, Any]
) -> str:
    """The count of what the page's filter (not its cursor) matches, to run inside the page's
    statement (whose `params` it adds to). Unfiltered, on a store that would scan the label
    for it, the store's own count of the label."""
    if compiled.predicates[0] == "true" and not store.counts_label_in_subquery:
        params["totalLabel"] = listing.label
        return store.registry.get("label_total").text
    counting = Compiled(compiled.derive, compiled.predicates[:1], compiled.params)
    return fill(store.registry.get(listing.count_query).text, counting, None, listing)


async def fetch_page(
    store: GraphStore,
    listing: Listing,
    *,
    tree: dict[str, Any] | None,
    order: list[tuple[str, str]] | None,
    first: int,
    after: str | None,
    backward: bool = False,
    relations: Sequence[Plan] | None = None,
    with_total: bool = False,
    projection: Projection = (),
    cursors: bool = True,
) -> Page:
    """`first` rows after the cursor `after`; with `backward`, the last `first` rows before
    it (read in the reversed order, then turned round), in the same order either way. The
    `relations` of its nodes and (`with_total`) the number of matching rows come in the same
    statement. Nodes are read with the properties the `projection` names (all by default).
    Without `cursors` the rows' sort values are not read, and the page gives no cursor."""
    relations = relations or []
    statement = page_statement(
        store,
        listing,
        tree=tree,
        order=order,
        first=first,
        after=after,
        backward=backward,
        relations=relations,
        with_total=with_total,
        projection=projection,
        cursors=cursors,
    )
    ordered = statement.ordered
    rows = await store.read_text_many(statement.name, statement.text, statement.params)
    total = rows[0]["total"] if with_total and rows else None
    if with_total:
        # An empty page with its total is one row without a node (its `i` is null; its node a
        # map of nulls on FalkorDB when projected).
        rows = [row for row in rows if row["i"] is not None]
    more = len(rows) > first
    rows = rows[:first]
    related = related_of(store.registry, rows, relations)
    if backward:
        rows.reverse()
    keys = [row["sortKey"] for row in rows] if cursors else None
    nodes = [row["node"] for row in rows]
    if backward:  # rows lie before `after` (a `before` cursor): so a next page exists
        return Page(nodes, keys, ordered, bool(after), more, related, total)
    return Page(nodes, keys, ordered, more, bool(after), related, total)


async def count_rows(store: GraphStore, listing: Listing, tree: dict[str, Any] | None) -> int:
    compiled = Compiled()
    compiled.predicates.append(compile_filter(listing, tree, compiled))
    text = fill(store.registry.get(listing.count_query).text, compiled, None, listing)
    rows = await store.read_text(listing.count_query, text, compiled.params)
    return rows[0]["total"] if rows else 0


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
