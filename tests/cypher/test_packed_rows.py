"""A statement's rows can come back as one record (`read_many` on a store that `packs_rows`):
the same rows in the same order as the plain read returns them, in one round trip. The store
tests pack on both databases, whichever packs by default."""

from __future__ import annotations

import pytest

from cypher.packed_rows import pack, top_level_parts
from cypher.store import GraphStore, counting_round_trips


def test_the_last_return_becomes_a_with_and_its_rows_one_list() -> None:
    packed = pack(
        "MATCH (n:Country)\nRETURN n.code AS key, n {.*} AS props\nORDER BY key\nLIMIT $limit"
    )
    assert packed.text == (
        "MATCH (n:Country)\n"
        "WITH n.code AS key, n {.*} AS props\n"
        "ORDER BY key\n"
        "LIMIT $limit\n"
        "RETURN collect([`key`, `props`]) AS rows"
    )
    assert packed.columns == ("key", "props")


def test_returns_inside_subqueries_comments_and_strings_are_left_alone() -> None:
    packed = pack(
        "// RETURN in a comment, a, b\n"
        "MATCH (a:Account)\n"
        "CALL {\n"
        "  WITH a\n"
        "  MATCH (a)<-[:HELD_IN]-(b:CreditBlock)\n"
        "  RETURN count(b) AS total\n"
        "}\n"
        "RETURN a.id AS key, total, [x IN [1, 2] | {v: x, w: 'RETURN, x'}] AS items, "
        "coalesce(a.name, 'a, b') AS name"
    )
    assert packed.text.endswith(
        "}\n"
        "WITH a.id AS key, total, [x IN [1, 2] | {v: x, w: 'RETURN, x'}] AS items, "
        "coalesce(a.name, 'a, b') AS name\n"
        "RETURN collect([`key`, `total`, `items`, `name`]) AS rows"
    )
    assert packed.columns == ("key", "total", "items", "name")


def test_distinct_and_an_order_by_across_lines_are_kept() -> None:
    packed = pack("UNWIND $xs AS x\nRETURN DISTINCT x % 3 AS bucket\nORDER\n  BY bucket DESC")
    assert packed.text == (
        "UNWIND $xs AS x\n"
        "WITH DISTINCT x % 3 AS bucket\n"
        "ORDER\n  BY bucket DESC\n"
        "RETURN collect([`bucket`]) AS rows"
    )
    assert packed.columns == ("bucket",)


def test_parameters_and_property_keys_named_like_clauses_are_not_clauses() -> None:
    packed = pack("MATCH (n) RETURN n.order AS order, size(n.list) > $limit AS more SKIP $skip")
    assert packed.text == (
        "MATCH (n) WITH n.order AS order, size(n.list) > $limit AS more\n"
        "SKIP $skip\n"
        "RETURN collect([`order`, `more`]) AS rows"
    )


def test_commas_inside_maps_lists_calls_and_strings_do_not_split_columns() -> None:
    parts = "a {.*, x: f(1, 2)} AS a, [(p)-->(q) | q {.*, y: 1}] AS b, 'c, d' AS c"
    assert top_level_parts(parts) == [
        "a {.*, x: f(1, 2)} AS a",
        "[(p)-->(q) | q {.*, y: 1}] AS b",
        "'c, d' AS c",
    ]


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        ("MATCH (n) RETURN n.id", "needs an alias"),
        ("MATCH (n) RETURN *", "RETURN *"),
        ("RETURN 1 AS x UNION RETURN 2 AS x", "UNION"),
        ("MATCH (n) SET n.x = 1", "no RETURN"),
    ],
)
def test_statements_that_cannot_be_packed_are_refused_with_the_reason(
    statement: str, problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        pack(statement)


@pytest.fixture
def packing(store: GraphStore) -> None:
    store.packs_rows = True


@pytest.mark.usefixtures("packing")
async def test_packed_rows_equal_the_plain_rows_in_order(store: GraphStore) -> None:
    params = {"to": 300, "limit": 250}
    plain = await store.read("numbered_rows", params)
    assert [row["n"] for row in plain] == list(range(298, 48, -1))
    assert await store.read_many("numbered_rows", params) == plain


@pytest.mark.usefixtures("packing")
async def test_packed_rows_keep_nulls_dates_lists_and_maps(store: GraphStore) -> None:
    rows = await store.read_many("numbered_rows", {"to": 5, "limit": 2})
    assert rows == [
        {"n": 3, "label": "3", "odd": [3, "odd"], "on": rows[0]["on"], "meta": rows[0]["meta"]},
        {"n": 2, "label": "2", "odd": None, "on": rows[1]["on"], "meta": rows[1]["meta"]},
    ]
    assert [row["on"].isoformat() for row in rows] == ["2016-05-13", "2016-05-13"]
    assert [row["meta"] for row in rows] == [
        {"half": 1, "with-dash": True},
        {"half": 1, "with-dash": True},
    ]


@pytest.mark.usefixtures("packing")
async def test_no_rows_packed_are_no_rows(store: GraphStore) -> None:
    assert await store.read("numbered_rows", {"to": 2, "limit": 5}) == []
    assert await store.read_many("numbered_rows", {"to": 2, "limit": 5}) == []


@pytest.mark.usefixtures("packing")
async def test_grouped_and_distinct_rows_pack_alike(store: GraphStore) -> None:
    plain = await store.read("grouped_rows", {"to": 23})
    assert plain == [{"buckets": 2, "size": 4}, {"buckets": 3, "size": 5}]
    assert await store.read_many("grouped_rows", {"to": 23}) == plain


@pytest.mark.usefixtures("packing")
async def test_a_packed_read_is_one_round_trip_and_reports_its_rows(store: GraphStore) -> None:
    seen: list[tuple[str, int]] = []
    store.observer = lambda name, _seconds, _outcome, rows: seen.append((name, rows))
    with counting_round_trips() as trips:
        await store.read_many("numbered_rows", {"to": 300, "limit": 250})
    assert trips[0] == 1
    assert seen == [("numbered_rows", 250)]
