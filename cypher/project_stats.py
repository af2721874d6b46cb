"""`stats`: group-by aggregates over filtered projects, computed in one Cypher query."""

from __future__ import annotations

from typing import Any

from cypher.listing import Compiled, compile_filter, fill
from cypher.listings import PROJECTS
from cypher.store import GraphStore

DIMENSIONS = ("COUNTRY", "SECTOR", "TECHNOLOGY", "PROGRAMME", "YEAR", "STATUS")


async def project_stats(
    store: GraphStore,
    group_by: list[str],
    tree: dict[str, Any] | None,
    credit_qualities: list[str],
) -> list[dict[str, Any]]:
    compiled = Compiled()
    compiled.predicates.append(compile_filter(PROJECTS, tree, compiled))
    text = fill(store.registry.get("project_stats").text, compiled, None, PROJECTS)
    flags = {f"by{d.title()}": d in group_by for d in DIMENSIONS}
    params = {**compiled.params, **flags, "creditQualities": credit_qualities}
    return await store.read_text("project_stats", text, params)
