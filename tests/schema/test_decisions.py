"""`decisions`: the Joint Committees' decisions, linked to what they decided about."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import httpx

from tests.conftest import data, gql

HARVEST = json.loads(
    (Path(__file__).resolve().parents[2] / "seed" / "harvest" / "decisions.json").read_text()
)
DECISIONS = """query($f: DecisionFilter, $after: String) {
  decisions(filter: $f, first: 100, after: $after, orderBy: [{field: DECIDED_ON}]) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { key type decidedOn hostCountry dataQuality items { key name title version }
            methodologies { key } projects { ref } organizations { key } sources { url } } } }"""


async def every(http: httpx.AsyncClient, decision_filter: dict | None = None) -> list[dict]:
    nodes, after = [], None
    while True:
        page = data(await gql(http, DECISIONS, f=decision_filter, after=after))["decisions"]
        nodes += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            assert page["totalCount"] == len(nodes)
            return nodes
        after = page["pageInfo"]["endCursor"]


async def test_every_decision_of_the_harvest_is_listed_by_type(
    seeded_client: httpx.AsyncClient,
) -> None:
    nodes = await every(seeded_client)
    assert Counter(n["type"] for n in nodes) == Counter(d["type"] for d in HARVEST)
    assert all(n["sources"] for n in nodes)
    dated = [n["decidedOn"] for n in nodes if n["decidedOn"]]
    assert dated == sorted(dated)


async def test_a_methodology_approval_links_the_methodologies_it_approved(
    seeded_client: httpx.AsyncClient,
) -> None:
    [decision] = await every(
        seeded_client,
        {
            "types": ["METHODOLOGY_APPROVAL"],
            "hostCountries": ["TH"],
            "decidedFrom": "2021-09-20",
            "decidedTo": "2021-09-20",
        },
    )
    assert [m["key"] for m in decision["methodologies"]] == [
        "TH_AM011",
        "TH_AM012",
        "TH_AM013",
        "TH_AM014",
        "TH_AM015",
    ]
    assert decision["dataQuality"] == "OFFICIAL"
    query = '{ methodology(key: "TH_AM011") { decisions { key decidedOn } } }'
    assert data(await gql(seeded_client, query))["methodology"]["decisions"] == [
        {"key": decision["key"], "decidedOn": "2021-09-20"}
    ]


async def test_a_pin_shows_its_no_objection_decision(seeded_client: httpx.AsyncClient) -> None:
    query = '{ project(ref: "GE_PIN001") { pinNoObjectionOn decisions { type decidedOn } } }'
    project = data(await gql(seeded_client, query))["project"]
    assert project["decisions"] == [
        {"type": "PIN_NO_OBJECTION", "decidedOn": project["pinNoObjectionOn"]}
    ]


async def test_a_tpe_designation_keeps_every_name_and_links_the_known_tpes(
    seeded_client: httpx.AsyncClient,
) -> None:
    nodes = await every(seeded_client, {"types": ["TPE_DESIGNATION"], "concerns": ["ksa"]})
    assert nodes
    for n in nodes:
        assert "ksa" in [o["key"] for o in n["organizations"]]
        assert len(n["items"]) >= len(n["organizations"])
        assert all(item["name"] for item in n["items"])


async def test_a_scraped_decision_is_secondary_and_names_the_page_it_copies(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ decisions(filter: {hostCountries: ["MN"], types: [METHODOLOGY_APPROVAL]}) {
        nodes { dataQuality derivedFrom } } }"""
    nodes = data(await gql(seeded_client, query))["decisions"]["nodes"]
    assert nodes
    assert all(n["dataQuality"] == "SECONDARY" for n in nodes)
    assert all(
        n["derivedFrom"] == ["https://www.jcm.go.jp/jc/mn-methodologies-proposed"] for n in nodes
    )
