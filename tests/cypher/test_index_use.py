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
        ("country_projects", {"keys": ["ID"], "after": None, "limit": 5}),
        ("sources_of_project", {"keys": ["ID004"]}),
    ],
)
async def test_key_lookup_uses_an_index(store: GraphStore, query: str, params: dict) -> None:
    await store.migrate()
    plan = await store.explain(query, params)
    assert any(any(op in line for op in INDEX_OPERATORS) for line in plan), plan
