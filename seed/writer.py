"""Writes a graph payload through the store in batches: nodes (sources first), then links.

Every batch is one idempotent statement (MERGE), so a second load changes nothing and a
changed record is updated in place.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from cypher.store import GraphStore
from seed import fresh_ledger
from seed.graph_links import LINKS, NODE_ORDER, _snake
from seed.graph_payload import GraphPayload

BATCH_SIZE = 2000


@dataclass
class WriteSummary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    linked: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, other: WriteSummary) -> None:
        """Counts of another load added to these (a load written in parts)."""
        for mine, theirs in (
            (self.created, other.created),
            (self.updated, other.updated),
            (self.linked, other.linked),
        ):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count
        self.seconds += other.seconds

    def add_created(self, label: str, nodes: int, links: dict[str, int]) -> None:
        """Nodes of `label` and relationships (per link query) a create statement made."""
        self.created[label] = self.created.get(label, 0) + nodes
        for query, made in links.items():
            self.linked[query] = self.linked.get(query, 0) + made

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())

    def lines(self) -> list[str]:
        out = [
            f"  {label:<24} {self.created.get(label, 0):>9} created"
            f" {self.updated.get(label, 0):>9} updated"
            for label in NODE_ORDER
            if label in self.created
        ]
        out.append(f"  {'relationships':<24} {sum(self.linked.values()):>9} in place")
        out.append(f"  took {self.seconds:.1f} s")
        return out


class Progress:
    """A one-line progress bar on a terminal; silent otherwise (logs stay clean)."""

    def __init__(
        self, total: int, stream: TextIO = sys.stderr, enabled: bool | None = None
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()

    def advance(self, rows: int, what: str) -> None:
        self.done += rows
        if not self.enabled:
            return
        share = self.done / self.total
        bar = "#" * int(share * 30)
        rate = self.done / max(time.monotonic() - self.started, 1e-6)
        self.stream.write(f"\r[{bar:<30}] {share:6.1%} {what:<40.40} {rate:8.0f} rows/s")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\n")


async def write_payload(
    store: GraphStore,
    payload: GraphPayload,
    *,
    batch_size: int = BATCH_SIZE,
    progress: bool = False,
    new_ledger: bool = False,
) -> WriteSummary:
    """Write every node, then every link; `progress` draws a bar when stderr is a terminal.

    `new_ledger` (the caller has checked with `fresh_ledger.ledger_is_new`) creates blocks and
    transactions with their ledger relationships in one statement per batch."""
    summary = WriteSummary()
    started = time.monotonic()
    fresh = set(fresh_ledger.FRESH_LABELS) if new_ledger else set()
    plan: list[tuple[str, str, list[dict[str, Any]], Callable[[list[dict]], None] | None]] = []
    for label in NODE_ORDER:
        if label in fresh:  # created by fresh_ledger, which counts as it goes
            rows = fresh_ledger.fresh_rows(payload, label)
            if rows:
                plan.append((label, label, rows, None))
            continue
        rows = payload.node_rows(label)
        if rows:
            plan.append((label, f"upsert_{_snake(label)}", rows, _count_nodes(summary, label)))
    for kind in LINKS:
        if fresh_ledger.is_handled(kind, fresh):
            continue
        rows = payload.link_rows(kind)
        if rows:
            plan.append((kind.query, kind.query, rows, _count_links(summary, kind.query)))
    bar = Progress(sum(len(rows) for *_, rows, _ in plan), enabled=None if progress else False)
    for what, query, rows, count in plan:
        if count is None:

            def created(nodes: int, links: dict[str, int], label: str = what) -> None:
                summary.add_created(label, nodes, links)
                bar.advance(nodes, label)

            await fresh_ledger.create_nodes(store, query, rows, batch_size, created)
            continue
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            count(await store.write(query, {"rows": batch}))
            bar.advance(len(batch), what)
    bar.finish()
    summary.seconds = time.monotonic() - started
    return summary


def _count_nodes(summary: WriteSummary, label: str) -> Callable[[list[dict]], None]:
    def count(result: list[dict]) -> None:
        summary.created[label] = summary.created.get(label, 0) + result[0]["created"]
        summary.updated[label] = summary.updated.get(label, 0) + result[0]["updated"]

    return count


def _count_links(summary: WriteSummary, query: str) -> Callable[[list[dict]], None]:
    def count(result: list[dict]) -> None:
        summary.linked[query] = summary.linked.get(query, 0) + result[0]["linked"]

    return count
