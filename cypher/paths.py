"""How two entities are connected: shortest paths first, up to a hop bound."""

from __future__ import annotations

from typing import Any

from cypher.migrations import NODE_KEYS
from cypher.store import GraphStore

MAX_HOPS = 6
TEMPLATE_FROM = "(a:Project {ref: $from})"
TEMPLATE_TO = "(b:Country {code: $to})"
TEMPLATE_HOPS = "*1..1]"


async def paths_between(
    store: GraphStore,
    from_label: str,
    from_key: str,
    to_label: str,
    to_key: str,
    max_hops: int,
    limit: int,
) -> list[dict[str, Any]]:
    """Up to `limit` paths, fewest hops first: each hop count is asked for in turn."""
    if from_label not in NODE_KEYS or to_label not in NODE_KEYS:
        raise ValueError("unknown node type")
    if not 1 <= max_hops <= MAX_HOPS:
        raise ValueError(f"maxHops must be 1 to {MAX_HOPS}")
    base = store.registry.get("paths_between").text
    base = base.replace(TEMPLATE_FROM, f"(a:{from_label} {{{NODE_KEYS[from_label]}: $from}})")
    base = base.replace(TEMPLATE_TO, f"(b:{to_label} {{{NODE_KEYS[to_label]}: $to}})")
    found: list[dict[str, Any]] = []
    for hops in range(1, max_hops + 1):
        text = base.replace(TEMPLATE_HOPS, f"*{hops}..{hops}]")
        rows = await store.read_text(
            "paths_between", text, {"from": from_key, "to": to_key, "limit": limit - len(found)}
        )
        found += rows
        if len(found) >= limit:
            break
    return found
