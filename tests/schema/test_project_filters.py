"""Project filters return exactly the records computed independently from the seed files."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from seed.seed_files import read_seed
from tests.conftest import data, gql

RECORDS = read_seed()
PROJECTS = RECORDS["projects.json"]
COUNTRIES = {c.code: c for c in RECORDS["countries.json"]}
TECH_SECTORS = {t.id: set(t.sectors) for t in RECORDS["technologies.json"]}
ISSUED_PROJECTS = {r for i in RECORDS["issuances.json"] for r in [i.project, *i.alsoFor]}

QUERY = """query($filter: ProjectFilter, $after: String) {
  projects(filter: $filter, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ref } } }"""


async def every_ref(http: httpx.AsyncClient, project_filter: dict) -> tuple[list[str], int]:
    """The refs of every page of a filtered listing, and its totalCount."""
    refs: list[str] = []
    after = None
    while True:
        page = data(await gql(http, QUERY, filter=project_filter, after=after))["projects"]
        refs += [n["ref"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            return refs, page["totalCount"]
        after = page["pageInfo"]["endCursor"]


def refs(predicate) -> set[str]:
    return {p.ref for p in PROJECTS if predicate(p)}


def sectors_of(p) -> set[str]:
    return set().union(*(TECH_SECTORS[t] for t in p.technologies)) if p.technologies else set()


CASES = {
    "status": ({"status": ["PIN"]}, lambda p: p.status == "PIN"),
    "host countries": ({"hostCountries": ["TH", "PW"]}, lambda p: p.hostCountry in ("TH", "PW")),
    "asean": ({"asean": True}, lambda p: COUNTRIES[p.hostCountry].asean),
    "not asean": ({"asean": False}, lambda p: not COUNTRIES[p.hostCountry].asean),
    "sector": ({"sectors": ["SCOPE-03"]}, lambda p: "SCOPE-03" in sectors_of(p)),
    "technology": (
        {"technologies": ["solar-pv", "rooftop-solar-pv"]},
        lambda p: bool({"solar-pv", "rooftop-solar-pv"} & set(p.technologies)),
    ),
    "programme": (
        {"programmes": ["MOEJ-MODEL"]},
        lambda p: any(f.programme == "MOEJ-MODEL" for f in p.funding),
    ),
    "methodology": (
        {"methodologies": ["SA_AM001"]},
        lambda p: any(m.id == "SA_AM001" for m in p.methodologies),
    ),
    "registered range": (
        {"registeredFrom": "2021-01-01", "registeredTo": "2022-12-31"},
        lambda p: (
            p.registeredOn is not None
            and dt.date(2021, 1, 1) <= p.registeredOn <= dt.date(2022, 12, 31)
        ),
    ),
    "data quality": ({"dataQuality": ["SECONDARY"]}, lambda p: p.dataQuality == "SECONDARY"),
    "has issuance": ({"hasIssuance": True}, lambda p: p.ref in ISSUED_PROJECTS),
    "has no issuance": ({"hasIssuance": False}, lambda p: p.ref not in ISSUED_PROJECTS),
    "two fields are ANDed": (
        {"hostCountries": ["ID"], "status": ["PIN"]},
        lambda p: p.hostCountry == "ID" and p.status == "PIN",
    ),
    "OR": (
        {"OR": [{"hostCountries": ["MN"]}, {"technologies": ["redd-plus"]}]},
        lambda p: p.hostCountry == "MN" or "redd-plus" in p.technologies,
    ),
    "NOT": (
        {"NOT": {"status": ["PIN", "REGISTERED"]}},
        lambda p: p.status not in ("PIN", "REGISTERED"),
    ),
    "AND of OR and NOT": (
        {
            "AND": [
                {"OR": [{"asean": True}, {"hostCountries": ["PW"]}]},
                {"NOT": {"hasIssuance": True}},
            ]
        },
        lambda p: (
            (COUNTRIES[p.hostCountry].asean or p.hostCountry == "PW")
            and p.ref not in ISSUED_PROJECTS
        ),
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
async def test_filter_returns_exactly_the_matching_projects(
    seeded_client: httpx.AsyncClient, case: str
) -> None:
    project_filter, predicate = CASES[case]
    found, total = await every_ref(seeded_client, project_filter)
    expected = refs(predicate)
    assert expected, "the case should match something"
    assert set(found) == expected
    assert total == len(found) == len(expected)


async def test_unknown_enum_value_is_a_bad_user_input(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, QUERY, filter={"status": ["NOPE"]})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_orders_by_several_fields(seeded_client: httpx.AsyncClient) -> None:
    query = """query($after: String) { projects(first: 100, after: $after,
                          orderBy: [{field: HOST_COUNTRY}, {field: TITLE, direction: DESC}])
                 { pageInfo { hasNextPage endCursor } nodes { ref hostCountryCode title } } }"""
    nodes: list[dict] = []
    after = None
    while True:
        page = data(await gql(seeded_client, query, after=after))["projects"]
        nodes += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    keys = [(n["hostCountryCode"], n["title"]) for n in nodes]
    expected = sorted(keys, key=lambda k: k[1], reverse=True)
    expected = sorted(expected, key=lambda k: k[0])
    assert keys == expected
    assert len(nodes) == len(PROJECTS)
