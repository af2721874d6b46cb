"""Exports: the JSON dump loads back into an empty graph (CAD Trust v2: test_cadt_v2.py)."""

from __future__ import annotations

from pathlib import Path

import httpx

from seed.dump_loader import read_dump
from seed.writer import write_payload
from tests.conftest import WRITER_TOKEN, data, gql, gql_as, new_store, wipe

SAMPLE = Path(__file__).resolve().parents[2] / "seed" / "examples" / "tver_sample.csv"
INFO = "{ graphInfo { nodeCount relationshipCount labels { label count } } }"


async def test_json_dump_reloads_into_an_empty_graph(
    seeded_client: httpx.AsyncClient, embedded, tmp_path: Path
) -> None:
    response = await seeded_client.get("/export/graph.json")
    assert response.status_code == 200
    dump = tmp_path / "dump.json"
    dump.write_text(response.text)
    store = new_store(embedded, "reloaded")
    await wipe(store)
    await store.migrate()
    await write_payload(store, read_dump(dump))
    reloaded = (await store.read("graph_info"))[0]
    await wipe(store)
    await store.close()
    original = data(await gql(seeded_client, INFO))["graphInfo"]
    assert reloaded["nodeCount"] == original["nodeCount"]
    assert reloaded["relationshipCount"] == original["relationshipCount"]
    assert {x["label"]: x["count"] for x in reloaded["labels"]} == {
        x["label"]: x["count"] for x in original["labels"]
    }


async def test_dump_carries_imported_records_and_their_links(
    ledger_client: httpx.AsyncClient, embedded, tmp_path: Path
) -> None:
    csv_text = SAMPLE.read_text()
    data(
        await gql_as(
            ledger_client,
            WRITER_TOKEN,
            """mutation($c: String!) {
        importExternalRecords(registry: "T-VER", content: $c) { records } }""",
            c=csv_text,
        )
    )
    dump = tmp_path / "dump.json"
    dump.write_text((await ledger_client.get("/export/graph.json")).text)
    payload = read_dump(dump)
    assert len(payload.nodes["ExternalRecord"]) == 3
    same_as = [kind for kind in payload.links if kind.rel == "SAME_AS"]
    assert sum(len(v) for v in payload.links[same_as[0]].values()) == 2
    assert "Event" not in payload.nodes


async def test_a_backup_restores_the_audit_chain_and_the_idempotency_keys(
    ledger_client: httpx.AsyncClient, embedded, tmp_path: Path
) -> None:
    from cypher.audit_chain import verify_chain
    from cypher.export import dump_json
    from seed.dump_loader import read_history, write_history
    from tests.schema.test_registry_mutations import SERIES, TRANSFER

    move = {"fromAccount": "JP-GOJ-HOLDING", "series": SERIES, "first": 12, "last": 13}
    first = data(
        await gql_as(
            ledger_client,
            WRITER_TOKEN,
            TRANSFER,
            to="JP-MAYEKAWA-HOLDING",
            input=move | {"idempotencyKey": "backup-1"},
        )
    )["transferCredits"]
    source = ledger_client.app.state.store  # type: ignore[attr-defined]
    backup = tmp_path / "backup.json"
    backup.write_text("".join([chunk async for chunk in dump_json(source, backup=True)]))

    store = new_store(embedded, "restored")
    await wipe(store)
    await store.migrate()
    try:
        await write_payload(store, read_dump(backup))
        # The public graph alone: the transfer's event is missing, and the check says so.
        missing = await verify_chain(store)
        assert missing.ok is False
        assert missing.ledger_transactions == 1
        assert missing.first_broken_seq == first["eventSeq"]
        assert await write_history(store, read_history(backup)) == first["eventSeq"]
        restored = await verify_chain(store)
        assert restored.ok, restored
        assert restored.checked == first["eventSeq"]
        assert restored.ledger_transactions == 1
        affected = await store.read("export_events_page", {"after": None, "limit": 100})
        assert [a["label"] for a in affected[-1]["affected"]] == ["Transaction"]
        keys = await store.read("export_idempotency_keys_page", {"after": None, "limit": 10})
        assert [k["key"] for k in keys] == ["writer/backup-1"]
    finally:
        await wipe(store)
        await store.close()
