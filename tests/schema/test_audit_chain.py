"""The audit chain: every applied mutation is an event; tampering is found."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json

import httpx

from tests.conftest import WRITER_TOKEN, data, gql, gql_as, new_store
from tests.schema.test_registry_mutations import TRANSFER

LOG = """{ auditLog(first: 10) { totalCount nodes { seq at actor action payload payloadText
  payloadHash prevHash hash } } }"""


async def three_transfers(http: httpx.AsyncClient) -> None:
    for _ in range(3):
        data(
            await gql_as(
                http,
                WRITER_TOKEN,
                TRANSFER,
                to="JP-GOJ-HOLDING",
                input={"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": 1},
            )
        )
        data(
            await gql_as(
                http,
                WRITER_TOKEN,
                TRANSFER,
                to="JP-MAYEKAWA-HOLDING",
                input={"fromAccount": "JP-GOJ-HOLDING", "quantity": 1},
            )
        )


async def test_every_applied_mutation_is_a_linked_event(ledger_client: httpx.AsyncClient) -> None:
    await three_transfers(ledger_client)
    log = data(await gql(ledger_client, LOG))["auditLog"]
    assert log["totalCount"] == 6
    events = log["nodes"]
    assert [e["seq"] for e in events] == [1, 2, 3, 4, 5, 6]
    assert {e["actor"] for e in events} == {"writer"}
    assert all(
        later["prevHash"] == earlier["hash"] for earlier, later in itertools.pairwise(events)
    )
    assert events[0]["payload"]["from"] == "JP-MAYEKAWA-HOLDING"  # a JSON object
    assert json.loads(events[0]["payloadText"]) == events[0]["payload"]
    assert hashlib.sha256(events[0]["payloadText"].encode()).hexdigest() == events[0]["payloadHash"]
    at = dt.datetime.fromisoformat(events[0]["at"])  # a DateTime, with its zone
    assert at.tzinfo is not None
    check = data(await gql(ledger_client, "{ verifyAuditChain { ok checked firstBrokenSeq } }"))
    assert check["verifyAuditChain"] == {"ok": True, "checked": 6, "firstBrokenSeq": None}


async def test_an_edited_event_is_found(
    ledger_client: httpx.AsyncClient, embedded, graph_name: str
) -> None:
    await three_transfers(ledger_client)
    store = new_store(embedded, graph_name)
    await store.write("tamper_event_payload", {"seq": 4, "payload": '{"quantity":1000}'})
    await store.close()
    check = data(await gql(ledger_client, "{ verifyAuditChain { ok firstBrokenSeq reason } }"))
    assert check["verifyAuditChain"]["ok"] is False
    assert check["verifyAuditChain"]["firstBrokenSeq"] == 4
    assert "payload" in check["verifyAuditChain"]["reason"]


async def test_refused_mutations_leave_no_event(ledger_client: httpx.AsyncClient) -> None:
    await gql_as(
        ledger_client,
        WRITER_TOKEN,
        TRANSFER,
        to="JP-GOJ-HOLDING",
        input={"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": 99},
    )
    assert data(await gql(ledger_client, LOG))["auditLog"]["totalCount"] == 0
