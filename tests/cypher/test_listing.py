"""The statements of root-list pages (cypher/listing.py): each GraphQL list beside the exact
Cypher it compiles to, on the store the suite runs on (tests/schema/test_pagination.py walks
the pages they give)."""

from __future__ import annotations

import pytest

from cypher import listings
from cypher.listing import (
    Compiled,
    Listing,
    PageStatement,
    encode_cursor,
    fill,
    ordering,
    page_statement,
)
from cypher.listings import CREDIT_BLOCKS, PROJECTS
from cypher.registry import QueryRegistry
from cypher.store import GraphStore


def credit_blocks_page(store: GraphStore, *, after: str | None, cursors: bool) -> PageStatement:
    """The statement of 20 credit blocks in their default order, read with their quantity."""
    return page_statement(
        store,
        CREDIT_BLOCKS,
        tree=None,
        order=None,
        first=20,
        after=after,
        projection=(("CreditBlock", ("id", "quantity")),),
        cursors=cursors,
    )


async def test_the_statement_of_a_first_page_of_credit_blocks(store: GraphStore) -> None:
    # { creditBlocks(first: 20) { nodes { quantity } } }
    page = credit_blocks_page(store, after=None, cursors=False)
    # Nothing derived: the filter is the MATCH's own. On Neo4j an always-true bound on the
    # key lets it read the id index in order and stop at the page's end.
    where = "true AND n.id IS NOT NULL" if store.reads_index_order else "true"
    assert page.text == (
        "MATCH (n:CreditBlock)\n"
        f"WHERE {where}\n"
        "WITH n\n"
        "ORDER BY n.id ASC\n"
        "LIMIT $limit\n"
        "WITH n\n"
        "RETURN n {.id, .quantity} AS node"
    )
    assert page.params == {"limit": 21}


async def test_the_statement_of_a_page_after_a_cursor_makes_sort_values_after_its_limit(
    store: GraphStore,
) -> None:
    # { creditBlocks(first: 20, after: $cursor) { edges { cursor node { quantity } } } }
    cursor = encode_cursor(ordering(CREDIT_BLOCKS, None), ["JP-X"])
    page = credit_blocks_page(store, after=cursor, cursors=True)
    # FalkorDB reads the bound off the id index (see cypher/listing.py `_off_index`).
    bound = "n.id > $p0" if store.reads_index_order else "coalesce(n.id, '') > $p0"
    assert page.text == (
        "MATCH (n:CreditBlock)\n"
        f"WHERE true AND (({bound}))\n"
        "WITH n\n"
        "ORDER BY n.id ASC\n"
        "LIMIT $limit\n"
        "WITH n, [n.id] AS sortKey\n"
        "RETURN n {.id, .quantity} AS node, sortKey"
    )
    assert page.params == {"p0": "JP-X", "limit": 21}


async def test_a_filter_on_a_derived_column_keeps_the_projection_that_derives_it(
    store: GraphStore,
) -> None:
    # { projects(first: 5, filter: { asean: true }) { nodes { ref } } }
    page = page_statement(
        store,
        PROJECTS,
        tree={"asean": True},
        order=None,
        first=5,
        after=None,
        projection=(("Project", ("ref",)),),
        cursors=False,
    )
    derived = PROJECTS.filters["asean"]
    where = f"({derived.expr} > 0) = $p0"
    key_bound = " AND n.ref IS NOT NULL" if store.reads_index_order else ""
    assert page.text == (
        "MATCH (n:Project)\n"
        f"WITH n, {derived.derive} AS {derived.expr}\n"
        f"WHERE {where}{key_bound}\n"
        "WITH n\n"
        "ORDER BY n.ref ASC\n"
        "LIMIT $limit\n"
        "WITH n\n"
        "RETURN n {.ref} AS node"
    )


async def test_the_statement_of_an_unfiltered_page_with_its_total(store: GraphStore) -> None:
    # { creditBlocks(first: 20) { totalCount nodes { quantity } } }
    page = page_statement(
        store,
        CREDIT_BLOCKS,
        tree=None,
        order=None,
        first=20,
        after=None,
        with_total=True,
        projection=(("CreditBlock", ("id", "quantity")),),
        cursors=False,
    )
    if store.counts_label_in_subquery:  # Neo4j: the count of the label is its count store's
        where = "true AND n.id IS NOT NULL"
        total = ["  MATCH (n:CreditBlock)", "  WHERE true", "  RETURN count(n) AS total"]
        params = {"limit": 21}
    else:  # FalkorDB: its own count of the label, where a count would scan the label here
        where = "true"
        total = [
            "  CALL db.meta.stats() YIELD labels",
            "  RETURN coalesce(labels[$totalLabel], 0) AS total",
        ]
        params = {"limit": 21, "totalLabel": "CreditBlock"}
    assert page.text.splitlines() == [
        "MATCH (n:CreditBlock)",
        f"WHERE {where}",
        "WITH n",
        "ORDER BY n.id ASC",
        "LIMIT $limit",
        "WITH n",
        "WITH collect(n) AS page",
        "CALL {",
        *total,
        "}",
        "UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS i",
        "WITH i, total, page[i] AS n, page[i].id AS key",
        "RETURN i, n {.id, .quantity} AS node, key, total",
        "ORDER BY i",
    ]
    assert page.params == params


EVERY_LISTING = [value for value in vars(listings).values() if isinstance(value, Listing)]


@pytest.mark.parametrize("listing", EVERY_LISTING, ids=lambda listing: listing.label)
def test_every_unfiltered_count_is_a_count_of_the_whole_label(listing: Listing) -> None:
    # An unfiltered page on FalkorDB takes its total from the label's count
    # (cypher/queries/label_total.falkordb.cypher): right only while each listing's count,
    # unfiltered, counts every node of its label.
    unfiltered = Compiled(predicates=["true"])
    for dialect in ("falkordb", "neo4j"):
        text = QueryRegistry(dialect).get(listing.count_query).text
        assert fill(text, unfiltered, None, listing) == (
            f"MATCH (n:{listing.label})\nWHERE true\nRETURN count(n) AS total"
        )
