"""Loads a JSON dump made by `jcm export json` (or GET /export/graph.json) back into a graph."""

from __future__ import annotations

import json
from pathlib import Path

from seed.graph_links import LINKS, NODE_ORDER
from seed.graph_payload import GraphPayload
from seed.seed_files import SeedError


def read_dump(path: Path) -> GraphPayload:
    try:
        dump = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise SeedError([f"{path.name}: not a readable JSON dump ({exc})"]) from None
    if not isinstance(dump, dict) or dump.get("format") != "jcm-graph-dump":
        raise SeedError([f"{path.name}: not a JCM Graph dump (format jcm-graph-dump)"])
    payload = GraphPayload()
    problems = []
    kinds = {kind.query: kind for kind in LINKS}
    for label, rows in dump.get("nodes", {}).items():
        if label not in NODE_ORDER:
            problems.append(f"{path.name}:nodes.{label}: unknown label")
            continue
        for n, row in enumerate(rows, 1):
            if not isinstance(row, dict) or "key" not in row or "props" not in row:
                problems.append(f"{path.name}:nodes.{label}#{n}: needs key and props")
                continue
            payload.nodes[label][row["key"]] = row
    for query, rows in dump.get("links", {}).items():
        kind = kinds.get(query)
        if kind is None:
            problems.append(f"{path.name}:links.{query}: unknown relationship kind")
            continue
        for row in rows:
            payload.links[kind][row["from"]].extend(row["links"])
    if problems:
        raise SeedError(problems)
    return payload
