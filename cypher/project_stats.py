"""`stats`: group-by aggregates over filtered projects, computed in one Cypher query."""

from __future__ import annotations

import re
from typing import Any

from cypher.listing import Compiled, compile_filter, fill
from cypher.listings import PROJECTS
from cypher.store import GraphStore

DIMENSIONS = ("COUNTRY", "SECTOR", "TECHNOLOGY", "PROGRAMME", "YEAR", "STATUS")


NOTIFIED = re.compile(r"// notified: begin.*?// notified: end\n", re.DOTALL)
WITHOUT_NOTIFIED = "WITH n, issued, retired, cancelled, 0 AS notified\n"


async def project_stats(
    store: GraphStore,
    group_by: list[str],
    tree: dict[str, Any] | None,
    credit_qualities: list[str],
    *,
    with_notified: bool = True,
) -> list[dict[str, Any]]:
    compiled = Compiled()
    compiled.predicates.append(compile_filter(PROJECTS, tree, compiled))
    text = fill(store.registry.get("project_stats").text, compiled, None, PROJECTS)
    if not with_notified:
        text = NOTIFIED.sub(WITHOUT_NOTIFIED, text)
    flags = {f"by{d.title()}": d in group_by for d in DIMENSIONS}
    params = {**compiled.params, **flags, "creditQualities": credit_qualities}
    return await store.read_text("project_stats", text, params)
