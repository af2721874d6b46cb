"""Concurrent transfers out of one block move exactly what was available."""

from __future__ import annotations

import asyncio

import httpx

from tests.conftest import WRITER_TOKEN, data, gql, gql_as
from tests.schema.test_registry_mutations import TRANSFER, assert_sound, live_blocks
from tests.schema.test_registry_records import ISSUE, OPEN


async def test_50_concurrent_transfers_from_10_clients_move_exactly_what_was_held(
    ledger_client: httpx.AsyncClient,
) -> None:
    data(await gql_as(ledger_client, WRITER_TOKEN, OPEN, key="TH-A", country="TH"))
    data(await gql_as(ledger_client, WRITER_TOKEN, OPEN, key="TH-B", country="TH"))
    data(
        await gql_as(
            ledger_client,
            WRITER_TOKEN,
            ISSUE,
            input={
                "key": "ISS-RACE",
                "project": "TH007",
                "vintage": 2025,
                "issuedOn": "2026-01-01",
                "registryIssuances": [
                    {"registry": "TH", "allocations": [{"account": "TH-A", "quantity": 30}]}
                ],
            },
        )
    )

    outcomes: list[str] = []

    async def client(n: int) -> None:
        for _ in range(5):
            body = await gql_as(
                ledger_client,
                WRITER_TOKEN,
                TRANSFER,
                to="TH-B",
                input={"fromAccount": "TH-A", "quantity": 1},
            )
            outcomes.append(
                "ok" if "errors" not in body else body["errors"][0]["extensions"]["code"]
            )

    await asyncio.gather(*(client(n) for n in range(10)))
    assert len(outcomes) == 50
    assert outcomes.count("ok") == 30
    assert set(outcomes) == {"ok", "CONFLICT"}
    blocks = await live_blocks(ledger_client, "TH-TH007-2025-1")
    assert sum(last - first + 1 for first, last, _, holder in blocks if holder == "TH-B") == 30
    assert not [b for b in blocks if b[3] == "TH-A"]
    log = data(await gql(ledger_client, "{ auditLog { totalCount } }"))
    assert log["auditLog"]["totalCount"] == 3 + 30
    await assert_sound(ledger_client)
