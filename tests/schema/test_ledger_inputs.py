"""Values the ledger cannot represent never enter it: quantities every layer can total, dates
in the window the graph keeps and in order, and reads that compare dates over any range."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import WRITER_TOKEN, data, gql, gql_as
from tests.schema.test_registry_mutations import SERIES, STATE, TRANSFER
from tests.schema.test_registry_records import ISSUE


def issuance(**changes: object) -> dict:
    base: dict = {
        "key": "ISS-CHECK",
        "project": "TH007",
        "vintage": 2025,
        "issuedOn": "2026-01-01",
        "registryIssuances": [
            {"registry": "TH", "allocations": [{"account": "TH-GOT-HOLDING", "quantity": 10}]}
        ],
    }
    return base | changes


def allocation(quantity: int) -> list[dict]:
    return [
        {
            "registry": "TH",
            "allocations": [
                {"account": "TH-GOT-HOLDING", "quantity": q} for q in (quantity, quantity)
            ],
        }
    ]


REFUSED = [
    (
        "two allocations of 2^31-1",
        ISSUE,
        {"input": issuance(registryIssuances=allocation(2**31 - 1))},
        "allocations.quantity",
    ),
    (
        "a total over 100 Mt",
        ISSUE,
        {"input": issuance(registryIssuances=allocation(60_000_000))},
        "the issuance's total",
    ),
    ("a negative notified total", ISSUE, {"input": issuance(notifiedTotal=-5)}, "notifiedTotal"),
    (
        "a negative GoJ share",
        ISSUE,
        {"input": issuance(japanGovernmentShare=-1)},
        "japanGovernmentShare",
    ),
    (
        "a GoJ share over the total",
        ISSUE,
        {"input": issuance(notifiedTotal=10, japanGovernmentShare=11)},
        "japanGovernmentShare",
    ),
    ("an issuance in 9999", ISSUE, {"input": issuance(issuedOn="9999-01-01")}, "issuedOn"),
    ("an issuance next year", ISSUE, {"input": issuance(issuedOn="2099-01-01")}, "issuedOn"),
    ("a vintage of 1800", ISSUE, {"input": issuance(vintage=1800)}, "vintage"),
    (
        "a transfer dated 1990, before its issuance",
        TRANSFER,
        {
            "to": "JP-MAYEKAWA-HOLDING",
            "input": {
                "fromAccount": "JP-GOJ-HOLDING",
                "series": SERIES,
                "first": 12,
                "last": 12,
                "on": "1990-06-01",
            },
        },
        "on",
    ),
    (
        "a transfer dated 9999",
        TRANSFER,
        {
            "to": "JP-MAYEKAWA-HOLDING",
            "input": {
                "fromAccount": "JP-GOJ-HOLDING",
                "series": SERIES,
                "first": 12,
                "last": 12,
                "on": "9999-01-01",
            },
        },
        "on",
    ),
]


@pytest.mark.parametrize(
    ("case", "mutation", "variables", "field"), REFUSED, ids=[r[0] for r in REFUSED]
)
async def test_a_value_the_ledger_cannot_hold_is_refused_and_changes_nothing(
    ledger_client: httpx.AsyncClient, case: str, mutation: str, variables: dict, field: str
) -> None:
    before = data(await gql(ledger_client, STATE))
    body = await gql_as(ledger_client, WRITER_TOKEN, mutation, **variables)
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert error["extensions"]["field"] == field, error
    assert data(await gql(ledger_client, STATE)) == before
    stats = data(await gql(ledger_client, "{ stats { creditsIssued } }"))["stats"]
    assert stats[0]["creditsIssued"] >= 0


async def test_dates_far_from_the_stored_ones_compare_correctly(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """query($f: ProjectFilter) { projects(filter: $f) { totalCount } }"""
    registered = data(await gql(seeded_client, query, f={"registeredFrom": "2000-01-01"}))
    total = registered["projects"]["totalCount"]
    assert total > 0
    for early in ("1950-01-01", "1900-01-01", "0001-01-01"):
        body = data(await gql(seeded_client, query, f={"registeredFrom": early}))
        assert body["projects"]["totalCount"] == total, early
    for late in ("2100-01-01", "9999-12-31"):
        body = data(await gql(seeded_client, query, f={"registeredTo": late}))
        assert body["projects"]["totalCount"] == total, late
        body = data(await gql(seeded_client, query, f={"registeredFrom": late}))
        assert body["projects"]["totalCount"] == 0, late


async def test_a_trace_as_of_a_far_future_date_shows_the_unit_held(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """query($s: String!, $on: Date) { traceCredit(serial: $s, asOf: $on) { status } }"""
    serial = f"{SERIES}-000012"
    now = data(await gql(seeded_client, query, s=serial, on=None))["traceCredit"]["status"]
    for on in ("2100-01-01", "9999-12-31"):
        later = data(await gql(seeded_client, query, s=serial, on=on))["traceCredit"]["status"]
        assert later == now != "NOT_ISSUED", on
    before = data(await gql(seeded_client, query, s=serial, on="1900-01-01"))
    assert before["traceCredit"]["status"] == "NOT_ISSUED"
