"""`stats`: group-by aggregates over filtered projects, computed in one Cypher query."""

from __future__ import annotations

import functools
import re
from typing import Any

from cypher.listing import Compiled, compile_filter, fill
from cypher.listings import PROJECTS
from cypher.store import GraphStore

DIMENSIONS = ("COUNTRY", "SECTOR", "TECHNOLOGY", "PROGRAMME", "YEAR", "STATUS")
# The multi-valued dimensions: each is a part of the statement, read only when grouped by.
LISTED = {"SECTOR": "sectors", "TECHNOLOGY": "technologies", "PROGRAMME": "programmes"}
# The figures that cost a part of their own: what each needs.
FIGURES = {
    "issued": ("credits",),
    "held": ("credits", "retirements"),
    "retired": ("credits", "retirements"),
    "cancelled": ("credits", "retirements"),
    "notified": ("notified",),
}

_PART = re.compile(
    r"^// (?P<name>\w+): begin \(else (?P<other>[^\n]+)\)\n.*?^// (?P=name): end\n",
    re.DOTALL | re.MULTILINE,
)


@functools.lru_cache(maxsize=256)
def without_parts(text: str, kept: frozenset[str]) -> str:
    """The statement with each marked part not in `kept` replaced by its `else` line (an
    outer part left out takes the parts inside it along)."""

    def choose(found: re.Match[str]) -> str:
        if found["name"] not in kept:
            return found["other"] + "\n"
        inner = found[0].split("\n", 1)[1].rsplit(f"// {found['name']}: end\n", 1)[0]
        return _PART.sub(choose, inner)

    return _PART.sub(choose, text)


async def project_stats(
    store: GraphStore,
    group_by: list[str],
    tree: dict[str, Any] | None,
    credit_qualities: list[str],
    figures: frozenset[str] = frozenset(FIGURES),
) -> list[dict[str, Any]]:
    """The groups, with the `figures` asked for (the others are not computed: 0, or for
    `held` the issued credits)."""
    compiled = Compiled()
    compiled.predicates.append(compile_filter(PROJECTS, tree, compiled))
    kept = {LISTED[d] for d in group_by if d in LISTED}
    kept.update(part for figure in figures for part in FIGURES.get(figure, ()))
    text = without_parts(store.registry.get("project_stats").text, frozenset(kept))
    text = fill(text, compiled, None, PROJECTS)
    flags = {f"by{d.title()}": d in group_by for d in ("COUNTRY", "YEAR", "STATUS")}
    params = {**compiled.params, **flags, "creditQualities": credit_qualities}
    return await store.read_text("project_stats", text, params)
