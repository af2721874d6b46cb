"""What gets written: node rows per label and link rows per link query.

Builders (the seed files, the synthetic generator) add nodes and links here; the writer sends
them in batches. Sources are nodes too, identified by a hash of their URL.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from cypher.migrations import NODE_KEYS
from seed.graph_links import LINKS, LinkKind
from seed.ledger_builder import Ledger

OFFICIAL_HOSTS = (".go.jp", ".go.id", "adb.org", "asean.org", "gec.jp", "jcm-mongolia.com")
ILLUSTRATIVE_SOURCE_TITLE = (
    "JCM Graph illustrative ledger: made up to demonstrate provenance, not real transactions"
)


@functools.lru_cache(maxsize=4096)
def source_id(url: str) -> str:
    return "src-" + hashlib.sha1(url.encode()).hexdigest()[:12]


def source_props(url: str) -> dict[str, Any]:
    if url.startswith("seed/"):
        return {
            "id": source_id(url),
            "url": url,
            "title": ILLUSTRATIVE_SOURCE_TITLE,
            "publisher": "JCM Graph",
            "dataQuality": "ILLUSTRATIVE",
        }
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    official = host.endswith(OFFICIAL_HOSTS)
    return {
        "id": source_id(url),
        "url": url,
        "publisher": host,
        "dataQuality": "OFFICIAL" if official else "SECONDARY",
    }


def _node_table() -> defaultdict[str, dict[Any, dict[str, Any]]]:
    return defaultdict(dict)


def _links_by_source() -> defaultdict[Any, list[dict[str, Any]]]:
    return defaultdict(list)


def _link_table() -> defaultdict[LinkKind, defaultdict[Any, list[dict[str, Any]]]]:
    return defaultdict(_links_by_source)


@dataclass
class GraphPayload:
    # Module-level factories, not lambdas: a payload is pickled to cross processes.
    nodes: dict[str, dict[Any, dict[str, Any]]] = field(default_factory=_node_table)
    links: dict[LinkKind, dict[Any, list[dict[str, Any]]]] = field(default_factory=_link_table)

    def node(self, label: str, props: dict[str, Any], sources: list[str] | None = None) -> None:
        """Add a node; `props` must hold the label's key. Sources are URLs."""
        key = props[NODE_KEYS[label]]
        row = {"key": key, "props": {k: v for k, v in props.items() if v is not None}}
        if label != "Source":
            ids = [source_id(url) for url in sources or []]
            known = self.nodes["Source"]
            for url, sid in zip(sources or [], ids, strict=True):
                if sid not in known:
                    known[sid] = {"key": sid, "props": source_props(url)}
            row["sources"] = ids
        self.nodes[label][key] = row

    def link(self, kind: LinkKind, source: Any, target: Any, **props: Any) -> None:
        kept = {k: v for k, v in props.items() if v is not None} if props else {}
        self.links[kind][source].append({"to": target, "props": kept})

    def node_rows(self, label: str) -> list[dict[str, Any]]:
        return list(self.nodes.get(label, {}).values())

    def link_rows(self, kind: LinkKind) -> list[dict[str, Any]]:
        """One row per node of the from-label, so that links it no longer has are removed."""
        listed = self.links.get(kind, {})
        keys = list(self.nodes.get(kind.from_label, {}))
        return [{"from": key, "links": listed.get(key, [])} for key in keys]

    def count(self) -> tuple[int, int]:
        nodes = sum(len(rows) for rows in self.nodes.values())
        links = sum(len(v) for by_source in self.links.values() for v in by_source.values())
        return nodes, links


def link_kind(from_label: str, rel: str, to_label: str) -> LinkKind:
    kind = LinkKind(from_label, rel, to_label)
    if kind not in _KNOWN:
        raise KeyError(f"no link query for {from_label}-{rel}->{to_label}")
    return kind


_KNOWN = set(LINKS)
_ISSUED_UNDER = link_kind("Series", "ISSUED_UNDER", "Issuance")
_IN_SERIES = link_kind("CreditBlock", "IN_SERIES", "Series")
_ISSUED_BY = link_kind("CreditBlock", "ISSUED_BY", "Issuance")
_HELD_IN = link_kind("CreditBlock", "HELD_IN", "Account")
_SPLIT_FROM = link_kind("CreditBlock", "SPLIT_FROM", "CreditBlock")
_FROM = link_kind("Transaction", "FROM", "Account")
_TO = link_kind("Transaction", "TO", "Account")
_MOVED = link_kind("Transaction", "MOVED", "CreditBlock")
_CA_BY = link_kind("CorrespondingAdjustment", "BY", "Country")
_CA_FOR = link_kind("CorrespondingAdjustment", "FOR", "Transaction")


def add_ledger(payload: GraphPayload, ledger: Ledger) -> None:
    """Series, blocks and transactions of a replayed ledger, with their relationships."""
    for series in ledger.series.values():
        payload.node(
            "Series",
            {
                "id": series.id,
                "registry": series.registry,
                "project": series.project,
                "vintage": series.vintage,
                "issuedOn": series.issuedOn,
                "quantity": series.quantity,
                "retired": series.retired,
                "cancelled": series.cancelled,
                "dataQuality": series.dataQuality,
            },
            series.sources,
        )
        payload.link(_ISSUED_UNDER, series.id, series.issuance)
    for block in ledger.blocks.values():
        payload.node(
            "CreditBlock",
            {
                "id": block.id,
                "registry": block.registry,
                "series": block.series,
                "first": block.first,
                "last": block.last,
                "quantity": block.quantity,
                "vintage": block.vintage,
                "status": block.status,
                # The id of the account it is HELD_IN, kept with the relationship so that
                # an account's blocks page by index (cypher/queries/account_blocks.neo4j.cypher).
                "holder": block.account,
                "dataQuality": block.dataQuality,
            },
            block.sources,
        )
        payload.link(_IN_SERIES, block.id, block.series)
        payload.link(_ISSUED_BY, block.id, block.issuance)
        payload.link(_HELD_IN, block.id, block.account)
        if block.parent:
            payload.link(_SPLIT_FROM, block.id, block.parent)
    for tx in ledger.transactions:
        payload.node(
            "Transaction",
            {
                "id": tx.id,
                "seq": tx.seq,
                "kind": tx.kind,
                "on": tx.on,
                "series": tx.series,
                "first": tx.first,
                "last": tx.last,
                "quantity": tx.quantity,
                "firstTransfer": tx.firstTransfer,
                "purpose": tx.purpose,
                "beneficiary": tx.beneficiary,
                "note": tx.note,
                "dataQuality": tx.dataQuality,
            },
            tx.sources,
        )
        if tx.from_account:
            payload.link(_FROM, tx.id, tx.from_account)
        payload.link(_TO, tx.id, tx.to_account)
        payload.link(_MOVED, tx.id, tx.moved)
        ca = tx.correspondingAdjustment
        if ca:
            payload.node(
                "CorrespondingAdjustment",
                {
                    "id": ca["id"],
                    "party": ca["party"],
                    "year": ca["year"],
                    "quantity": ca["quantity"],
                    "reportedIn": ca.get("reportedIn"),
                    "dataQuality": tx.dataQuality,
                },
                tx.sources,
            )
            payload.link(_CA_BY, ca["id"], ca["party"])
            payload.link(_CA_FOR, ca["id"], tx.id)
