"""Concurrent transfers out of one block move exactly what was available."""

from __future__ import annotations

import asyncio
import itertools

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


async def _issue_30_units_to(http: httpx.AsyncClient, account: str, key: str) -> str:
    """Issues 30 units of TH007 into `account`; returns the new series."""
    data(
        await gql_as(
            http,
            WRITER_TOKEN,
            ISSUE,
            input={
                "key": key,
                "project": "TH007",
                "vintage": 2025,
                "issuedOn": "2026-01-01",
                "registryIssuances": [
                    {"registry": "TH", "allocations": [{"account": account, "quantity": 30}]}
                ],
            },
        )
    )
    return "TH-TH007-2025-1"


async def test_concurrent_transfers_of_overlapping_ranges_never_move_a_unit_twice(
    ledger_client: httpx.AsyncClient,
) -> None:
    for key in ("TH-A", "TH-B", "TH-C"):
        data(await gql_as(ledger_client, WRITER_TOKEN, OPEN, key=key, country="TH"))
    series = await _issue_30_units_to(ledger_client, "TH-A", "ISS-OVERLAP")
    # Ranges that overlap their neighbours: each unit is asked for by two or three of them.
    ranges = [(first, min(first + 5, 30)) for first in range(1, 30, 3)]
    outcomes: list[tuple[int, int, str]] = []

    async def transfer(first: int, last: int, to: str) -> None:
        body = await gql_as(
            ledger_client,
            WRITER_TOKEN,
            TRANSFER,
            to=to,
            input={"fromAccount": "TH-A", "series": series, "first": first, "last": last},
        )
        code = "ok" if "errors" not in body else body["errors"][0]["extensions"]["code"]
        outcomes.append((first, last, code))

    await asyncio.gather(
        *(transfer(a, b, "TH-B" if i % 2 else "TH-C") for i, (a, b) in enumerate(ranges))
    )
    assert {code for *_, code in outcomes} <= {"ok", "CONFLICT"}
    applied = sorted((a, b) for a, b, code in outcomes if code == "ok")
    assert applied, outcomes
    # The applied ranges are disjoint, and exactly their units left TH-A.
    for (_, last), (first, _) in itertools.pairwise(applied):
        assert last < first, applied
    moved = {unit for a, b in applied for unit in range(a, b + 1)}
    blocks = await live_blocks(ledger_client, series)
    away = {
        u for first, last, _, holder in blocks if holder != "TH-A" for u in range(first, last + 1)
    }
    assert away == moved
    log = data(await gql(ledger_client, "{ auditLog { totalCount } }"))
    assert log["auditLog"]["totalCount"] == 4 + len(applied)
    await assert_sound(ledger_client)


async def test_concurrent_retries_of_one_transfer_apply_it_once_and_replay_it_to_all(
    ledger_client: httpx.AsyncClient,
) -> None:
    data(await gql_as(ledger_client, WRITER_TOKEN, OPEN, key="TH-A", country="TH"))
    data(await gql_as(ledger_client, WRITER_TOKEN, OPEN, key="TH-B", country="TH"))
    series = await _issue_30_units_to(ledger_client, "TH-A", "ISS-REPLAY")
    move = {"fromAccount": "TH-A", "series": series, "first": 3, "last": 7}

    async def retry() -> dict:
        return await gql_as(
            ledger_client,
            WRITER_TOKEN,
            TRANSFER,
            to="TH-B",
            input=move | {"idempotencyKey": "replay-1"},
        )

    bodies = await asyncio.gather(*(retry() for _ in range(10)))
    results = [data(body)["transferCredits"] for body in bodies]
    assert sorted(r["replayed"] for r in results) == [False] + [True] * 9
    assert len({(r["eventSeq"], tuple(r["transactions"])) for r in results}) == 1
    blocks = await live_blocks(ledger_client, series)
    assert [(f, la, h) for f, la, _, h in blocks if h == "TH-B"] == [(3, 7, "TH-B")]
    await assert_sound(ledger_client)


async def test_concurrent_retries_of_one_open_account_apply_it_once_and_replay_it_to_all(
    ledger_client: httpx.AsyncClient,
) -> None:
    query = """mutation { openAccount(key: "TH-RETRIED", registry: "TH", kind: HOLDING,
      name: "Retried", ownerCountry: "TH", idempotencyKey: "open-1") { eventSeq keys replayed } }"""
    bodies = await asyncio.gather(*(gql_as(ledger_client, WRITER_TOKEN, query) for _ in range(10)))
    results = [data(body)["openAccount"] for body in bodies]
    assert sorted(r["replayed"] for r in results) == [False] + [True] * 9
    assert {(r["eventSeq"], tuple(r["keys"])) for r in results} == {
        (results[0]["eventSeq"], ("TH-RETRIED",))
    }
    await assert_sound(ledger_client)
