"""`issuances`: the issuance decisions as a connection, filtered and sorted in the database."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.conftest import data, gql

SEED = json.loads((Path(__file__).parents[2] / "seed/data/issuances.json").read_text())
HOST = {
    p["ref"]: p["hostCountry"]
    for p in json.loads((Path(__file__).parents[2] / "seed/data/projects.json").read_text())
}
ISSUANCES = """query($f: IssuanceFilter, $o: [IssuanceOrder!], $first: Int, $after: String) {
  issuances(filter: $f, orderBy: $o, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { key decidedOn notifiedTotal project { ref hostCountry { code } } } } }"""


async def test_every_seeded_issuance_is_listed_once_across_pages(
    seeded_client: httpx.AsyncClient,
) -> None:
    keys, after = [], None
    while True:
        page = data(await gql(seeded_client, ISSUANCES, first=5, after=after))["issuances"]
        keys += [n["key"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(keys) == sorted(i["id"] for i in SEED)
    assert page["totalCount"] == len(SEED)


async def test_issuances_filter_by_host_country_and_decision_dates(
    seeded_client: httpx.AsyncClient,
) -> None:
    palau = data(await gql(seeded_client, ISSUANCES, f={"hostCountries": ["PW"]}))["issuances"]
    assert palau["totalCount"] == sum(1 for i in SEED if HOST[i["project"]] == "PW") == 9
    assert {n["project"]["hostCountry"]["code"] for n in palau["nodes"]} == {"PW"}
    window = {"decidedFrom": "2022-01-01", "decidedTo": "2024-12-31"}
    decided = data(await gql(seeded_client, ISSUANCES, f=window))["issuances"]["nodes"]
    assert sorted(n["key"] for n in decided) == [
        "ISS-BD-2022-1",
        "ISS-BD-2022-2",
        "ISS-KH005-1",
        "ISS-MN003-2022-1",
    ]


async def test_issuances_sort_by_notified_total_and_filter_by_project(
    seeded_client: httpx.AsyncClient,
) -> None:
    order = [{"field": "NOTIFIED_TOTAL", "direction": "DESC"}]
    nodes = data(await gql(seeded_client, ISSUANCES, o=order, first=3))["issuances"]["nodes"]
    assert [n["notifiedTotal"] for n in nodes] == [44817, 35419, 30312]  # Mongolia's largest
    one = data(await gql(seeded_client, ISSUANCES, f={"projects": ["SA001"]}))["issuances"]
    assert [n["key"] for n in one["nodes"]] == ["ISS-SA001-1"]
