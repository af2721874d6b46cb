"""Key lookups use the key indexes (a plan check, not a timing)."""

from __future__ import annotations

import pytest

from cypher.collected_reads import compose as collected_statement
from cypher.compiled_reads import Paged, Plan, compose, relation_params
from cypher.credit_trace import TRACE_READS
from cypher.listing import encode_cursor, ordering, page_statement
from cypher.listings import CREDIT_BLOCKS
from cypher.registry import QueryRegistry
from cypher.store import GraphStore
from schema.prefetch import LOOKUPS, PAGES, RELATIONS, TARGETS

INDEX_OPERATORS = ("Node By Index Scan", "NodeIndexSeek", "NodeUniqueIndexSeek")


@pytest.mark.parametrize(
    ("query", "params"),
    [
        ("project_by_key", {"keys": ["ID004"]}),
        ("country_by_key", {"keys": ["JP"]}),
        ("credit_block_by_key", {"keys": ["x"]}),
        ("project_participants", {"keys": ["ID004"]}),
        ("country_projects", {"keys": ["ID"], "after": None, "limit": 5, "fetch": 6}),
        ("sources_of_project", {"keys": ["ID004"]}),
    ],
)
async def test_key_lookup_uses_an_index(store: GraphStore, query: str, params: dict) -> None:
    await store.migrate()
    plan = await store.explain(query, params)
    assert any(any(op in line for op in INDEX_OPERATORS) for line in plan), plan


@pytest.mark.parametrize(
    ("query", "params"),
    [
        ("trace_series_upstream", {"series": "JP-X-ID-02-2016-1"}),
        (
            "range_transactions",
            {"series": "JP-X-ID-02-2016-1", "first": 1, "last": 1, "asOf": None},
        ),
        ("trace_unit_blocks", {"series": "JP-X-ID-02-2016-1", "unit": 1}),
    ],
)
async def test_credit_trace_reads_only_the_units_own_history(
    store: GraphStore, query: str, params: dict
) -> None:
    """No label scan: a trace's cost must not grow with the rest of the graph."""
    await store.migrate()
    plan = await store.explain(query, params)
    assert any(any(op in line for op in INDEX_OPERATORS) for line in plan), plan
    scans = ("Label Scan", "LabelScan", "AllNodesScan", "All Node Scan")
    assert not [line for line in plan if any(scan in line for scan in scans)], plan


async def test_the_audit_head_is_looked_for_by_the_seq_index(store: GraphStore) -> None:
    """Every write and change-feed poll reads the head: its cost must not grow with the log."""
    await store.migrate()
    plan = await store.explain("audit_head_from", {"fromSeq": 100})
    assert any(any(op in line for op in INDEX_OPERATORS) for line in plan), plan
    assert not without_label_scans(plan), plan


async def test_model_project_shares_follow_each_series_not_every_account(
    store: GraphStore,
) -> None:
    """Anchored on each series' transactions: without that the report grows with the square
    of the ledger (every series scanning every transaction into Japan's accounts)."""
    await store.migrate()
    plan = await store.explain("integrity_model_project_shares", {})
    assert not [line for line in plan if "Label Scan" in line or "LabelScan" in line], plan


def api_queries(store: GraphStore) -> QueryRegistry:
    """The API's own queries in the store's dialect (the test store adds the tests' own)."""
    return QueryRegistry(store.registry.dialect)


def without_label_scans(plan: list[str]) -> list[str]:
    scans = ("Label Scan", "LabelScan", "AllNodesScan", "All Node Scan")
    return [line for line in plan if any(scan in line for scan in scans)]


def every_relation_of(type_name: str) -> list[Plan]:
    """What a lookup of `type_name` can read in its statement: each relation with those that
    can nest in it, and each page of a related list with the relations of its nodes."""
    plans: list[Plan] = []
    for name in RELATIONS.get(type_name, {}).values():
        nested = tuple(RELATIONS.get(TARGETS.get(name, ""), {}).values())
        plans.append((name, nested) if nested else name)
    for name in PAGES.get(type_name, {}).values():
        plans.append(Paged(name, tuple(RELATIONS.get(TARGETS[name], {}).values())))
    return plans


@pytest.mark.parametrize("type_name", sorted(LOOKUPS))
async def test_a_compiled_lookup_with_every_relation_it_reads_finds_its_root_by_index(
    store: GraphStore, type_name: str
) -> None:
    """The statement `project(ref:) { … }` and its kind compile to: its root by index, every
    relation by traversal from it, never a scan of a label (a cost that grows with the graph)."""
    await store.migrate()
    plans = every_relation_of(type_name)
    text = compose(api_queries(store), LOOKUPS[type_name], plans)
    plan = await store.explain_text(
        LOOKUPS[type_name], text, {"keys": ["x"], **relation_params(plans)}
    )
    assert any(any(op in line for op in INDEX_OPERATORS) for line in plan), plan
    assert not without_label_scans(plan), plan


async def test_the_compiled_credit_trace_reads_only_the_units_own_history(
    store: GraphStore,
) -> None:
    """The three reads of a trace composed into its one statement plan as they do apart."""
    await store.migrate()
    text = collected_statement(api_queries(store), TRACE_READS)
    params = {"series": "JP-X-ID-02-2016-1", "unit": 1, "first": 1, "last": 1, "asOf": None}
    plan = await store.explain_text("trace_credit", text, params)
    assert sum(any(op in line for op in INDEX_OPERATORS) for line in plan) >= 3, plan
    assert not without_label_scans(plan), plan


def assert_read_in_index_order(plan: list[str]) -> None:
    """A Neo4j plan that takes its rows in the index's order and stops at the limit."""
    operators = {line.split("@")[0] for line in plan}
    assert "Limit" in operators, plan
    assert not operators & {"Sort", "Top", "PartialSort", "PartialTop"}, plan


async def test_a_page_of_an_account_s_blocks_does_not_sort_the_account_s_whole_list(
    store: GraphStore,
) -> None:
    """Neo4j reads the page from the (holder, id) index in its order: no sort of every block
    the account holds (16,698 for the synthetic Japanese holding account). FalkorDB finds the
    account by index and sorts its blocks (it has no index order to read)."""
    await store.migrate()
    for after in (None, "JP-X"):
        params = {"keys": ["JP-GOJ-HOLDING"], "after": after, "limit": 20, "fetch": 21}
        plan = await store.explain("account_blocks", params)
        assert any(any(op in line for op in INDEX_OPERATORS) for line in plan), plan
        assert not without_label_scans(plan), plan
        if store.dialect == "neo4j":
            assert_read_in_index_order(plan)


@pytest.mark.parametrize("series", [None, "JP-X-ID-02-2016-1"])
async def test_planning_a_move_by_quantity_finds_the_account_s_blocks_by_their_holder(
    store: GraphStore, series: str | None
) -> None:
    """Neo4j reads an account's HELD blocks from the (holder, status, series, first) index in
    the order a move takes them, and stops at the limit. FalkorDB finds them by their holder's
    index and sorts them; it does not walk from the account, which made it scan the status
    index (every HELD block in the graph)."""
    await store.migrate()
    params = {"account": "JP-GOJ-HOLDING", "series": series, "quantity": 5, "limit": 500}
    plan = await store.explain("blocks_to_move_by_quantity", {**params, "fetch": 501})
    assert any(any(op in line for op in INDEX_OPERATORS) for line in plan), plan
    assert not without_label_scans(plan), plan
    if store.dialect == "neo4j":
        assert_read_in_index_order(plan)
    else:
        assert not any("Traverse" in line for line in plan), plan


async def test_planning_a_move_by_range_finds_the_series_blocks_by_index(store: GraphStore) -> None:
    """The live blocks a range move cuts are found by the blocks' series index; matched from
    the Series node, FalkorDB scanned every CreditBlock of the graph."""
    await store.migrate()
    params = {"series": "JP-X-ID-02-2016-1", "first": 1, "last": 5, "fetch": 501}
    plan = await store.explain("live_blocks_in_range", params)
    assert any(any(op in line for op in INDEX_OPERATORS) for line in plan), plan
    assert not without_label_scans(plan), plan


@pytest.mark.parametrize("after", [None, "JP-X"])
@pytest.mark.parametrize("order", [None, [("ID", "DESC")]])
async def test_a_page_of_credit_blocks_in_key_order_reads_only_what_it_needs(
    store: GraphStore, order: list[tuple[str, str]] | None, after: str | None
) -> None:
    """`creditBlocks` in key order (its default), from the start or after a cursor. Neo4j reads
    the id index in the page's order and stops at the page's end: it had scanned every block
    and kept the top ones (the first page of 114,404 blocks 150 ms, now 10). FalkorDB, which
    sorts whatever it reads, reads the label rather than a range of the id index after a
    cursor: it read such a range row by row, 423 ms for the page after the first, 85 now.
    And FalkorDB makes the rows' sort values (their cursors) after the LIMIT, for the page's
    rows only, with nothing between the label and the sort but the sort's own projection: the
    first page took it 64 ms with a list of sort values made for every block first, 34 now."""
    await store.migrate()
    ordered = ordering(CREDIT_BLOCKS, order)
    cursor = encode_cursor(ordered, [after]) if after else None
    page = page_statement(
        store, CREDIT_BLOCKS, tree=None, order=order, first=20, after=cursor, projection=()
    )
    plan = await store.explain_text(page.name, page.text, page.params)
    if store.dialect == "neo4j":
        assert not without_label_scans(plan), plan
        assert_read_in_index_order(plan)
    else:
        assert not any("Index Scan" in line for line in plan), plan
        below_sort = [line.split(" |")[0] for line in plan[plan.index("Sort") + 1 :]]
        assert [op for op in below_sort if op != "Filter"] == ["Project", "Node By Label Scan"]


async def test_the_total_of_an_unfiltered_page_is_the_stores_count_of_the_label(
    store: GraphStore,
) -> None:
    """`creditBlocks(first: 20) { totalCount … }`: the total reads no block. Neo4j reads its
    count store; FalkorDB, which scans the label for a count inside a larger statement, asks
    for its own count of each label (cypher/queries/label_total.falkordb.cypher)."""
    await store.migrate()
    page = page_statement(
        store, CREDIT_BLOCKS, tree=None, order=None, first=20, after=None, with_total=True
    )
    plan = await store.explain_text(page.name, page.text, page.params)
    if store.dialect == "neo4j":
        assert any("NodeCountFromCountStore" in line for line in plan), plan
        assert not without_label_scans(plan), plan
    else:
        assert any("ProcedureCall" in line for line in plan), plan
        assert sum("Node By Label Scan" in line for line in plan) == 1, plan  # the page's
