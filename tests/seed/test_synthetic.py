"""Synthetic scale data: deterministic, labelled, apart from real records, ledger sound."""

from __future__ import annotations

import pytest

from cypher.ledger_checks import ledger_problems
from cypher.migrations import NODE_KEYS
from cypher.store import GraphStore
from seed.loader import load_reference_data
from seed.synthetic import synthetic_graph, synthetic_payloads
from seed.writer import write_payload


def test_same_seed_gives_the_same_graph_and_another_seed_another() -> None:
    first, again, other = (
        synthetic_graph(20, seed=7),
        synthetic_graph(20, seed=7),
        synthetic_graph(20, seed=8),
    )
    assert first.nodes == again.nodes
    assert first.links == again.links
    assert first.nodes["CreditBlock"] != other.nodes["CreditBlock"]


def test_every_synthetic_record_is_illustrative_and_prefixed() -> None:
    payload = synthetic_graph(15, seed=3)
    for label, rows in payload.nodes.items():
        if label == "Source":
            assert [r["props"]["url"] for r in rows.values()] == ["seed/README.md#synthetic-data"]
            continue
        for row in rows.values():
            key = str(row["props"][NODE_KEYS[label]])
            assert key.upper().startswith(("SYN-", "JP-SYN-")) or "-SYN-" in key, key
            assert row["props"]["dataQuality"] == "ILLUSTRATIVE"


def test_synthetic_ledger_has_splits_retirements_cancellations_and_adjustments() -> None:
    payload = synthetic_graph(40, seed=1)
    kinds = {row["props"]["kind"] for row in payload.nodes["Transaction"].values()}
    assert kinds == {"ISSUANCE", "TRANSFER", "RETIREMENT", "CANCELLATION"}
    statuses = {row["props"]["status"] for row in payload.nodes["CreditBlock"].values()}
    assert statuses == {"HELD", "RETIRED", "CANCELLED", "SUPERSEDED"}
    assert payload.nodes["CorrespondingAdjustment"]
    assert payload.nodes["Authorization"]
    first_transfers = [
        r for r in payload.nodes["Transaction"].values() if r["props"]["firstTransfer"]
    ]
    assert first_transfers


@pytest.mark.parametrize("seed", [1, 2])
async def test_loaded_synthetic_ledger_keeps_the_invariants(store: GraphStore, seed: int) -> None:
    await store.migrate()
    await load_reference_data(store)
    summary = await write_payload(store, synthetic_graph(25, seed=seed))
    assert summary.created["Project"] == 25
    assert await ledger_problems(store, exhaustive=True) == []
    # Real records were not touched: reloading them changes nothing.
    assert (await load_reference_data(store)).changed == 0
    assert await store.read("nodes_missing_provenance", {"limit": 5}) == []


def test_the_graph_in_parts_is_the_graph_in_one_payload() -> None:
    whole = synthetic_graph(23, seed=4)
    parts = list(synthetic_payloads(23, seed=4, chunk=5))
    assert [done for done, _ in parts] == [0, 5, 10, 15, 20, 23, 23]
    nodes: dict = {}
    links: dict = {}
    for _, part in parts:
        for label, rows in part.nodes.items():
            nodes.setdefault(label, {}).update(rows)
        for kind, by_source in part.links.items():
            for source, rows in by_source.items():
                # A node's links of a kind are written together (a link query replaces
                # them), so each must come in one part only.
                assert source not in links.setdefault(kind, {}), (kind, source)
                links[kind][source] = rows
    assert nodes == whole.nodes
    assert links == {kind: dict(rows) for kind, rows in whole.links.items() if rows}
    seqs = sorted(r["props"]["seq"] for r in nodes["Transaction"].values())
    assert seqs == list(range(1, len(seqs) + 1))  # numbered on across the parts
