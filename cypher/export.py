"""The whole public graph as JSON, in the shape `jcm seed --dump` loads back: nodes per label
(with their sources), relationships per link kind and the audit log (each event with what it
affected), so that `verifyAuditChain` checks every event after a restore. A backup
(`jcm backup`) also carries the stored idempotency keys, which are not public. Pages through
each label by its key, so memory stays bounded."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import orjson

from cypher.cadt_export import series_chunks
from cypher.migrations import NODE_KEYS
from cypher.store import GraphStore
from seed.graph_links import LINKS, NODE_ORDER, LinkKind

PAGE = 2000
NODE_TEMPLATE = ("(n:Country)", "n.code")
# Ledger nodes are many: read them series by series through the series index.
BY_SERIES = ("CreditBlock", "Transaction")
LINK_TEMPLATE = ("(a:Partnership)-[r:BETWEEN]->(b:Country)", "a.id", "b.code")


async def node_pages(store: GraphStore, label: str) -> AsyncIterator[list[dict[str, Any]]]:
    if label in BY_SERIES:
        text = store.registry.get("export_nodes_by_series").text.replace(
            "(n:CreditBlock)", f"(n:{label})"
        )
        async for chunk in series_chunks(store):
            rows = await store.read_text_many("export_nodes_by_series", text, {"series": chunk})
            yield [
                {"key": r["key"], "props": r["props"], "sources": sorted(r["sources"])}
                for r in rows
            ]
        return
    key = NODE_KEYS[label]
    text = store.registry.get("export_nodes_page").text
    text = text.replace(NODE_TEMPLATE[0], f"(n:{label})").replace(NODE_TEMPLATE[1], f"n.{key}")
    after = None
    while True:
        rows = await store.read_text_many(
            "export_nodes_page", text, {"after": after, "limit": PAGE}
        )
        if not rows:
            return
        yield [
            {
                "key": r["key"],
                "props": r["props"],
                **({} if label == "Source" else {"sources": sorted(r["sources"])}),
            }
            for r in rows
        ]
        after = rows[-1]["key"]


async def link_pages(store: GraphStore, kind: LinkKind) -> AsyncIterator[list[dict[str, Any]]]:
    a_key, b_key = NODE_KEYS[kind.from_label], NODE_KEYS[kind.to_label]
    if kind.from_label in BY_SERIES:
        text = (
            store.registry.get("export_links_by_series")
            .text.replace(
                "(a:CreditBlock)-[r:HELD_IN]->(b:Account)",
                f"(a:{kind.from_label})-[r:{kind.rel}]->(b:{kind.to_label})",
            )
            .replace("b.id AS", f"b.{b_key} AS")
            .replace("to: b.id", f"to: b.{b_key}")
        )
        async for chunk in series_chunks(store):
            rows = await store.read_text_many("export_links_by_series", text, {"series": chunk})
            yield [{"from": r["from"], "links": r["links"]} for r in rows]
        return
    text = store.registry.get("export_links_page").text
    text = (
        text.replace(LINK_TEMPLATE[0], f"(a:{kind.from_label})-[r:{kind.rel}]->(b:{kind.to_label})")
        .replace(LINK_TEMPLATE[1], f"a.{a_key}")
        .replace(LINK_TEMPLATE[2], f"b.{b_key}")
    )
    after = None
    while True:
        rows = await store.read_text_many(
            "export_links_page", text, {"after": after, "limit": PAGE}
        )
        if not rows:
            return
        yield [{"from": r["from"], "links": r["links"]} for r in rows]
        after = rows[-1]["from"]


async def _json_object(named_pages: list[tuple[str, AsyncIterator[list]]]) -> AsyncIterator[str]:
    """`{"name": [rows…], …}` streamed a page at a time."""
    yield "{"
    for i, (name, pages) in enumerate(named_pages):
        yield ("," if i else "") + json.dumps(name) + ": ["
        first = True
        async for page in pages:
            if page:
                # orjson writes dates as ISO 8601 text, as the loader reads them back.
                yield ("" if first else ",") + ",".join(orjson.dumps(row).decode() for row in page)
                first = False
        yield "]"
    yield "}"


async def event_pages(store: GraphStore) -> AsyncIterator[list[dict[str, Any]]]:
    after = None
    while True:
        rows = await store.read_many("export_events_page", {"after": after, "limit": PAGE})
        if not rows:
            return
        yield [{"event": r["event"], "affected": r["affected"]} for r in rows]
        after = rows[-1]["seq"]


async def idempotency_pages(store: GraphStore) -> AsyncIterator[list[dict[str, Any]]]:
    after = None
    while True:
        rows = await store.read_many(
            "export_idempotency_keys_page", {"after": after, "limit": PAGE}
        )
        if not rows:
            return
        yield [r["record"] for r in rows]
        after = rows[-1]["key"]


async def dump_json(store: GraphStore, *, backup: bool = False) -> AsyncIterator[str]:
    """The dump as JSON text, streamed piece by piece; `backup` adds the idempotency keys."""
    yield '{"format": "jcm-graph-dump", "version": 2, "nodes": '
    async for chunk in _json_object([(label, node_pages(store, label)) for label in NODE_ORDER]):
        yield chunk
    yield ', "links": '
    async for chunk in _json_object([(kind.query, link_pages(store, kind)) for kind in LINKS]):
        yield chunk
    history = [("events", event_pages(store))]
    if backup:
        history.append(("idempotencyKeys", idempotency_pages(store)))
    yield ', "history": '
    async for chunk in _json_object(history):
        yield chunk
    yield "}\n"
