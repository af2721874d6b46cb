"""The rows of a statement composed by cypher/compiled_reads.py, unpacked into what the data
loaders hold: each relation's rows per key of the node it starts from, each page per key.

A composed statement returns, per root node, one column per relation (`rel0`, `rel1`, …):
a list of `{node, rel, sub0, sub1, …}` maps, where `subN` holds the relations read on that
node in turn (to any depth), or of the nodes' own maps when they have neither
(compiled_reads.bare); for a page a `{total, hasNext, items}` map of such a list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    # What each relation's plan says about its column is worked out once per statement, not
    # per row: a page of 50 projects with three relations unpacks 150 columns.
    columns = [(f"rel{i}", _unpacking(registry, item, found)) for i, item in enumerate(relations)]
    for row in rows:
        key = row["key"]
        for column, unpack in columns:
            unpack(key, row[column])
    return found


Unpack = Callable[[Any, Any], None]  # (key of the start node, its column) -> None


def _unpacking(registry: QueryRegistry, item: Plan, found: Related) -> Unpack:
    """How to unpack a column of relation `item` into `found`, with its nested relations."""
    name, nested = plan_parts(item)
    nodes_alone = bare(relation(registry, name), nested)
    inner = [
        (f"sub{j}", start_key(registry, plan_parts(p)[0]), _unpacking(registry, p, found))
        for j, p in enumerate(nested)
    ]

    def unpack_nested(items: list[dict[str, Any]]) -> None:
        for column, prop, unpack in inner:
            for entry in items:
                unpack(entry["node"][prop], entry[column])

    if isinstance(item, Paged):
        pages = found.pages.setdefault((name, item.limit, item.after), {})

        def unpack_page(key: Any, column: Any) -> None:
            items = column["items"]
            pages[key] = {
                "key": key,
                "total": column["total"],
                "hasNext": column["hasNext"],
                "items": [{"node": e} for e in items] if nodes_alone else [_item(e) for e in items],
            }
            if inner:
                unpack_nested(items)

        return unpack_page
    lists = found.lists.setdefault(name, {})
    if nodes_alone:

        def unpack_nodes(key: Any, column: Any) -> None:
            lists[key] = [{"key": key, "node": e} for e in column]

        return unpack_nodes

    def unpack_items(key: Any, column: Any) -> None:
        lists[key] = [{"key": key, **_item(e)} for e in column]
        if inner:
            unpack_nested(column)

    return unpack_items


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
