"""AEF tables (GraphQL and CSV) match the seeded transactions; holdings as of a date."""

from __future__ import annotations

import csv
import io

import httpx

from tests.conftest import data, gql

AEF = """query($party: String!, $year: Int!) { aefReport(party: $party, year: $year) {
  authorizations { aefT2AuthorizationsId authorizedPartyId purposesForAuthorization
                   authorizationDocumentation }
  actions { date type itmoFirstId itmoLastId quantityTCo2 transferringPartyId acquiringPartyId
            vintageYear transactionId authorizationId }
  holdings { accountId status unitFirstId unitLastId quantityTCo2 asOf }
  csv } }"""


async def test_aef_actions_match_the_seeded_transactions(seeded_client: httpx.AsyncClient) -> None:
    report = data(await gql(seeded_client, AEF, party="TH", year=2025))["aefReport"]
    assert report["authorizations"] == [
        {
            "aefT2AuthorizationsId": "AUTH-TH-2025-1",
            "authorizedPartyId": "TH",
            "purposesForAuthorization": "NDC",
            "authorizationDocumentation": "https://www.env.go.jp/press/press_01692.html",
        }
    ]
    assert [
        (
            a["transactionId"],
            a["type"],
            a["itmoFirstId"],
            a["itmoLastId"],
            a["quantityTCo2"],
            a["transferringPartyId"],
            a["acquiringPartyId"],
        )
        for a in report["actions"]
    ] == [
        (
            "TX-ILL-06",
            "First transfer",
            "TH-X-TH-01-2025-1-000001",
            "TH-X-TH-01-2025-1-000060",
            60,
            "TH",
            "JP",
        ),
        (
            "TX-ILL-07",
            "First transfer",
            "TH-X-TH-01-2025-1-000061",
            "TH-X-TH-01-2025-1-000070",
            10,
            "TH",
            "JP",
        ),
    ]
    assert report["holdings"] == [
        {
            "accountId": "TH-GOT-HOLDING",
            "status": "HELD",
            "unitFirstId": "TH-X-TH-01-2025-1-000071",
            "unitLastId": "TH-X-TH-01-2025-1-000100",
            "quantityTCo2": 30,
            "asOf": "2025-12-31",
        }
    ]


async def test_aef_use_and_year_end_holdings_of_the_acquiring_party(
    seeded_client: httpx.AsyncClient,
) -> None:
    report = data(await gql(seeded_client, AEF, party="JP", year=2026))["aefReport"]
    assert [(a["type"], a["quantityTCo2"]) for a in report["actions"]] == [("Use", 20)]
    assert {(h["accountId"], h["quantityTCo2"]) for h in report["holdings"]} == {
        ("JP-RETIREMENT", 20),
        ("JP-GOJ-HOLDING", 50),
        ("JP-GOJ-HOLDING", 1009),  # TH014's ITMOs issued into Japan's registry
    }


async def test_aef_csv_download_has_the_cad_trust_columns(
    seeded_client: httpx.AsyncClient,
) -> None:
    response = await seeded_client.get("/aef/TH/2025/actions.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["aefT3ActionsItmoFirstId"] for r in rows] == [
        "TH-X-TH-01-2025-1-000001",
        "TH-X-TH-01-2025-1-000061",
    ]
    header = next(csv.reader(io.StringIO(response.text)))
    assert all(c.startswith("aefT3Actions") or c == "transactionId" for c in header), header
    assert {"aefT3ActionsCooperativeApproachId", "aefT3ActionsQuantityTCo2"} <= set(header)
    missing = await seeded_client.get("/aef/TH/2025/nope.csv")
    assert missing.status_code == 404


async def test_an_empty_aef_table_still_has_its_header(seeded_client: httpx.AsyncClient) -> None:
    for table, prefix in [
        ("authorizations", "aefT2Authorizations"),
        ("actions", "aefT3Actions"),
        ("holdings", "aefT4Holdings"),
    ]:
        response = await seeded_client.get(f"/aef/MN/2013/{table}.csv")
        assert response.status_code == 200
        lines = response.text.splitlines()
        assert len(lines) == 1, (table, lines)
        assert lines[0].split(",")[0].startswith(prefix)


async def test_an_unknown_party_is_404(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.get("/aef/ZZ/2025/actions.csv")
    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    body = await gql(seeded_client, '{ aefReport(party: "ZZ", year: 2025) { party } }')
    assert body["data"] == {"aefReport": None}
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_both_parties_name_one_cooperative_approach_for_a_transaction(
    seeded_client: httpx.AsyncClient,
) -> None:
    def approaches(text: str) -> dict[str, str]:
        return {
            r["transactionId"]: r["aefT3ActionsCooperativeApproachId"]
            for r in csv.DictReader(io.StringIO(text))
        }

    th = approaches((await seeded_client.get("/aef/TH/2025/actions.csv")).text)
    jp = approaches((await seeded_client.get("/aef/JP/2025/actions.csv")).text)
    shared = th.keys() & jp.keys()
    assert shared
    assert {th[t] for t in shared} == {jp[t] for t in shared} == {"JCM-JP-TH"}


async def test_holdings_as_of_a_date_are_rebuilt_from_transactions(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """query($d: Date!) { holdingsAsOf(accounts: ["JP-GOJ-HOLDING"], asOf: $d) {
        series first last quantity status } }"""
    end_2017 = data(await gql(seeded_client, query, d="2017-12-31"))["holdingsAsOf"]
    assert [(h["series"], h["first"], h["last"]) for h in end_2017] == [
        ("JP-X-ID-02-2016-1", 1, 29),
        ("JP-X-MN-01-2016-1", 1, 109),
    ]
    end_2018 = data(await gql(seeded_client, query, d="2018-12-31"))["holdingsAsOf"]
    assert ("JP-X-ID-02-2016-1", 11, 29) in [(h["series"], h["first"], h["last"]) for h in end_2018]
