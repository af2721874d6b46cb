"""Loads a JSON dump made by `jcm export json`, `jcm backup` (or GET /export/graph.json) back
into a graph: the public graph through the seed writer, then the audit log and, from a
backup, the stored idempotency keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cypher.migrations import NODE_KEYS
from cypher.store import GraphStore
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


def read_history(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The dump's audit events and idempotency keys (empty lists in a dump that has none)."""
    dump = json.loads(path.read_text("utf-8"))
    history = dump.get("history") or {}
    return {
        "events": list(history.get("events") or []),
        "idempotencyKeys": list(history.get("idempotencyKeys") or []),
    }


async def write_history(store: GraphStore, history: dict[str, list[dict[str, Any]]]) -> int:
    """Puts the audit events (with their AFFECTED links) and idempotency keys back; returns
    how many events were restored. Run after the public graph is loaded."""
    events = history["events"]
    for start in range(0, len(events), 500):
        batch = events[start : start + 500]
        await store.write("restore_events", {"rows": [e["event"] for e in batch]})
        by_label: dict[str, list[dict[str, Any]]] = {}
        for e in batch:
            for target in e["affected"]:
                row = {"seq": e["event"]["seq"], "key": target["key"]}
                by_label.setdefault(target["label"], []).append(row)
        template = store.registry.get("restore_event_links").text
        for label, rows in sorted(by_label.items()):
            if label not in NODE_KEYS:
                raise SeedError([f"history: events affect an unknown label {label!r}"])
            text = template.replace(
                "(x:Transaction {id: row.key})", f"(x:{label} {{{NODE_KEYS[label]}: row.key}})"
            )
            await store.write_text("restore_event_links", text, {"rows": rows})
    keys = history["idempotencyKeys"]
    for start in range(0, len(keys), 500):
        await store.write("restore_idempotency_keys", {"rows": keys[start : start + 500]})
    return len(events)
