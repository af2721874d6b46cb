"""Key lookups use the key indexes (a plan check, not a timing)."""

from __future__ import annotations

import pytest

from cypher.store import GraphStore

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


async def test_model_project_shares_follow_each_series_not_every_account(
    store: GraphStore,
) -> None:
    """Anchored on each series' transactions: without that the report grows with the square
    of the ledger (every series scanning every transaction into Japan's accounts)."""
    await store.migrate()
    plan = await store.explain("integrity_model_project_shares", {})
    assert not [line for line in plan if "Label Scan" in line or "LabelScan" in line], plan
