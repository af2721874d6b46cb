"""integrityReport: each rule fires on a ledger built to break it, and only then."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import WRITER_TOKEN, data, gql, gql_as, new_store

REPORT = """{ integrityReport { rule severity records explanation } }"""
SERIES = "JP-X-ID-02-2016-1"


async def findings(http: httpx.AsyncClient) -> list[tuple[str, tuple[str, ...]]]:
    rows = data(await gql(http, REPORT))["integrityReport"]
    return [(r["rule"], tuple(r["records"])) for r in rows]


async def test_seeded_ledger_shows_exactly_the_findings_it_was_built_to_show(
    seeded_client: httpx.AsyncClient,
) -> None:
    assert await findings(seeded_client) == [
        ("FIRST_TRANSFER_WITHOUT_ADJUSTMENT", ("TX-ILL-07", "AUTH-TH-2025-1")),
        # Mongolia's side of the January 2026 decisions is notified but not issued yet.
        ("ISSUANCE_TOTAL_MISMATCH", ("ISS-MN001-2026-1", "JP-MN001-2020-1")),
        ("ISSUANCE_TOTAL_MISMATCH", ("ISS-MN002-2026-1", "JP-MN002-2020-1")),
        ("ISSUANCE_TOTAL_MISMATCH", ("ISS-MN006-2026-1", "JP-MN006-2020-1")),
        # Thailand's registry side of TH014's 2,017 t is not public (its 100 are illustrative).
        (
            "ISSUANCE_TOTAL_MISMATCH",
            ("ISS-TH-ITMO-2025-1", "JP-TH014-2021-1", "TH-X-TH-01-2025-1"),
        ),
    ]


async def test_recording_the_adjustment_clears_its_finding(
    ledger_client: httpx.AsyncClient,
) -> None:
    ca = """mutation { recordCorrespondingAdjustment(key: "CA-TH-2025-2", party: "TH",
        year: 2025, quantity: 10, transaction: "TX-ILL-07") { keys } }"""
    data(await gql_as(ledger_client, WRITER_TOKEN, ca))
    assert {rule for rule, _ in await findings(ledger_client)} == {"ISSUANCE_TOTAL_MISMATCH"}


async def broken(embedded, graph_name: str, query: str, **params: object) -> None:
    store = new_store(embedded, graph_name)
    await store.write(query, params)
    await store.close()


@pytest.mark.parametrize(
    ("query", "params", "rule"),
    [
        (
            "break_create_live_block",
            {"id": "X-1", "series": SERIES, "first": 25, "last": 28, "account": "JP-GOJ-HOLDING"},
            "OVERLAPPING_BLOCKS",
        ),
        (
            "break_set_block_status",
            {"id": f"{SERIES}/11-27", "status": "SUPERSEDED"},
            "SERIES_NOT_TILED",
        ),
        ("break_set_block_status", {"id": f"{SERIES}/1-10", "status": "HELD"}, "SERIES_COUNTERS"),
        (
            "break_set_block_holder",
            {"id": f"{SERIES}/1-10", "holder": "JP-GOJ-HOLDING-ELSEWHERE"},
            "BLOCK_HOLDER_MISMATCH",
        ),
        (
            "break_set_block_holder",
            {"id": f"{SERIES}/1-10", "holder": None},
            "BLOCK_HOLDER_MISMATCH",
        ),
        (
            "break_create_transaction",
            {
                "id": "TX-AFTER",
                "series": SERIES,
                "seq": 99,
                "first": 3,
                "last": 4,
                "to": "JP-GOJ-HOLDING",
            },
            "MOVED_AFTER_RETIREMENT",
        ),
        ("break_set_goj_share", {"id": "ISS-BD-2022-1", "share": 10}, "GOJ_SHARE_BELOW_HALF"),
        (
            "break_set_transaction_date",
            {"id": "TX-ID-2016-01", "on": "2010-03-01"},
            "IMPOSSIBLE_VALUE",
        ),
        ("break_set_series_quantity", {"id": SERIES, "quantity": 2**31 - 1}, "IMPOSSIBLE_VALUE"),
    ],
)
async def test_each_rule_fires_on_a_ledger_built_to_break_it(
    ledger_client: httpx.AsyncClient,
    embedded,
    graph_name: str,
    query: str,
    params: dict,
    rule: str,
) -> None:
    before = {r for r, _ in await findings(ledger_client)}
    assert rule not in before
    await broken(embedded, graph_name, query, **params)
    report = data(await gql(ledger_client, REPORT))["integrityReport"]
    fired = [r for r in report if r["rule"] == rule]
    assert fired, report
    assert fired[0]["explanation"]
    assert fired[0]["severity"] in ("ERROR", "WARNING")
