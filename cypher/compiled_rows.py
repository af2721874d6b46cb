"""The rows of a statement composed by cypher/compiled_reads.py, unpacked into what the data
loaders hold: each relation's rows per key of the node it starts from, each page per key.

A composed statement returns, per root node, one column per relation (`rel0`, `rel1`, …):
a list of `{node, rel, sub0, sub1, …}` maps, where `subN` holds the relations read on that
node in turn (to any depth), or of the nodes' own maps when they have neither
(compiled_reads.bare); for a page a `{total, hasNext, items}` map of such a list."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cypher.compiled_reads import (
    Paged,
    Plan,
    bare,
    compose,
    plan_parts,
    relation,
    relation_params,
    start_key,
)
from cypher.registry import QueryRegistry
from cypher.store import GraphStore

Rows = list[dict[str, Any]]
# A page of a related list as its loader keeps it: {key, total, items, hasNext}.
PageRow = dict[str, Any]


@dataclass
class Related:
    """Relations read by a composed statement: per relation query, its rows (each with
    `key`, `node` and, where the query has one, `rel`) per key of the node they start from;
    per page (query, limit, after), the page per key."""

    lists: dict[str, dict[Any, Rows]]
    pages: dict[tuple[str, int, Any], dict[Any, PageRow]]


def related_of(
    registry: QueryRegistry, rows: Sequence[dict[str, Any]], relations: Sequence[Plan]
) -> Related:
    """The relation columns of the rows of a composed statement, unpacked: one `Related`
    for them all, so each relation primes its loader once per statement."""
    found = Related({}, {})
    if not rows or not relations:
        return found
    columns = _unpackings(registry, tuple(relations))
    for row in rows:
        key = row["key"]
        for column, unpacking in columns:
            _unpack(unpacking, key, row[column], found)
    return found


@dataclass(frozen=True)
class _Unpacking:
    """What a relation's plan says about its column, worked out once per shape of statement
    (making it for every statement took about 8 µs of a neighbourhood's 14 here)."""

    name: str
    page: tuple[int, Any] | None  # (limit, after) of a page, None for a list
    nodes_alone: bool  # the column holds the nodes' maps, not {node, rel, subN} maps
    inner: tuple[tuple[str, str, _Unpacking], ...]  # (column, start key, unpacking) nested


@functools.lru_cache(maxsize=1024)
def _unpackings(
    registry: QueryRegistry, relations: tuple[Plan, ...]
) -> tuple[tuple[str, _Unpacking], ...]:
    return tuple((f"rel{i}", _unpacking(registry, item)) for i, item in enumerate(relations))


def _unpacking(registry: QueryRegistry, item: Plan) -> _Unpacking:
    name, nested = plan_parts(item)
    inner = tuple(
        (f"sub{j}", start_key(registry, plan_parts(p)[0]), _unpacking(registry, p))
        for j, p in enumerate(nested)
    )
    page = (item.limit, item.after) if isinstance(item, Paged) else None
    return _Unpacking(name, page, bare(relation(registry, name), nested), inner)


def _unpack(unpacking: _Unpacking, key: Any, column: Any, found: Related) -> None:
    """A relation's column for the node of `key`, with its nested relations, into `found`."""
    if unpacking.page is not None:
        items = column["items"]
        pages = found.pages.setdefault((unpacking.name, *unpacking.page), {})
        pages[key] = {
            "key": key,
            "total": column["total"],
            "hasNext": column["hasNext"],
            "items": [{"node": e} for e in items]
            if unpacking.nodes_alone
            else [_item(e) for e in items],
        }
    else:
        items = column
        lists = found.lists.get(unpacking.name)
        if lists is None:
            lists = found.lists[unpacking.name] = {}
        if unpacking.nodes_alone:
            lists[key] = [{"key": key, "node": e} for e in items]
        else:
            lists[key] = [{"key": key, **_item(e)} for e in items]
    for sub, prop, nested in unpacking.inner:
        for entry in items:
            _unpack(nested, entry["node"][prop], entry[sub], found)


async def read_with_relations(
    store: GraphStore,
    lookup: str,
    relations: Sequence[Plan],
    keys: list[Any],
    projection: Any = (),
) -> tuple[dict[Any, dict[str, Any]], Related]:
    """Per key found, the node's properties (those the projection names); and the nodes'
    relations (see `related_of`); in one round trip."""
    text = compose(store.registry, lookup, relations, projection)
    params = {"keys": keys, **relation_params(relations)}
    rows = await store.read_text(f"{lookup}_with_relations", text, params)
    return {row["key"]: row["node"] for row in rows}, related_of(store.registry, rows, relations)


def _item(entry: dict[str, Any]) -> dict[str, Any]:
    """A related node's row as its own query returns it: `node`, and `rel` where it has one."""
    if "rel" in entry:
        return {"node": entry["node"], "rel": entry["rel"]}
    return {"node": entry["node"]}
