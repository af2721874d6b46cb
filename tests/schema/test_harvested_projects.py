"""The JCM's project table as the harvest transcribed it: every project, its status, its
former placeholder reference, its resubmission and the values its sources disagree on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import httpx

from tests.conftest import data, gql

HARVEST = json.loads(
    (Path(__file__).resolve().parents[2] / "seed" / "harvest" / "projects.json").read_text()
)
# The harvest's status words and the API's: an issued project is a registered one.
API_STATUS = {"ISSUED": "REGISTERED", "MODEL_PROJECT_SELECTED": "SELECTED"}

COUNT = """query($filter: ProjectFilter) { projects(filter: $filter) { totalCount } }"""


async def total(http: httpx.AsyncClient, project_filter: dict) -> int:
    return data(await gql(http, COUNT, filter=project_filter))["projects"]["totalCount"]


async def test_counts_per_country_and_status_equal_the_harvest(
    seeded_client: httpx.AsyncClient,
) -> None:
    expected = Counter(
        (r["hostCountry"], API_STATUS.get(r["status"], r["status"]))
        for r in HARVEST
        if r["status"] != "MODEL_PROJECT_SELECTED"
    )
    for (country, status), count in sorted(expected.items()):
        got = await total(seeded_client, {"hostCountries": [country], "status": [status]})
        assert got == count, (country, status)


async def test_every_selection_of_the_harvest_is_a_selected_or_financed_project(
    seeded_client: httpx.AsyncClient,
) -> None:
    selections = sum(1 for r in HARVEST if r["status"] == "MODEL_PROJECT_SELECTED")
    got = await total(seeded_client, {"status": ["SELECTED", "FINANCED"]})
    # X-MN-02 (an ADB-financed project) is in the first set only.
    assert got == selections + 1


async def test_a_former_placeholder_ref_finds_the_project_by_its_real_ref(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ project(ref: "X-BD-01") { ref formerRefs officialRef registeredOn } }"""
    assert data(await gql(seeded_client, query))["project"] == {
        "ref": "BD002",
        "formerRefs": ["X-BD-01"],
        "officialRef": True,
        "registeredOn": "2018-01-10",
    }


async def test_a_withdrawn_project_names_its_resubmission(seeded_client: httpx.AsyncClient) -> None:
    query = """{ project(ref: "TH010") { status resubmittedAs { ref status } } }"""
    assert data(await gql(seeded_client, query))["project"] == {
        "status": "WITHDRAWN",
        "resubmittedAs": {"ref": "TH015", "status": "VALIDATION"},
    }


async def test_conflicting_titles_are_both_shown_with_their_sources(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ project(ref: "MN003") { title conflicts { field values { value sources } } } }"""
    project = data(await gql(seeded_client, query))["project"]
    assert "12.7 MW" in project["title"]
    [title] = project["conflicts"]
    assert title["field"] == "title"
    shown, other = title["values"]
    assert shown["value"] == project["title"]
    assert "2.1MW" in other["value"]
    assert any("businessdocbox.com" in s for s in other["sources"])
    assert all(v["sources"] for v in title["values"])


async def test_a_scraped_row_is_secondary_and_names_the_page_it_copies(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ project(ref: "BD001") { status dataQuality derivedFrom technologiesBasis
                 methodologies { version methodology { key } }
                 participants { side organization { name } } } }"""
    project = data(await gql(seeded_client, query))["project"]
    assert project["status"] == "VALIDATION"
    assert project["dataQuality"] == "SECONDARY"
    assert project["derivedFrom"] == ["https://www.jcm.go.jp/jc/mn-projects/"]
    assert project["technologiesBasis"] == "INFERRED"
    assert project["methodologies"] == [{"version": "Ver2.0", "methodology": {"key": "BD_AM001"}}]
    assert {(p["side"], p["organization"]["name"]) for p in project["participants"]} == {
        ("PARTNER", "City Sugar Industries Limited"),
        ("JP", "Nippon Koei Co., Ltd."),
        ("JP", "Ebara Refrigeration Equipment & Systems Co., Ltd."),
    }


async def test_unknown_ref_is_still_not_found(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, '{ project(ref: "X-NOPE-99") { ref } }')
    assert body["data"] == {"project": None}
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_an_issuance_shows_the_sources_that_disagree_on_japans_share(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ issuance(key: "ISS-TH-FIRST") { japanGovernmentShare decidedOn
                 conflicts { field values { value sources } } project { ref } } }"""
    issuance = data(await gql(seeded_client, query))["issuance"]
    assert issuance["project"] == {"ref": "TH001"}
    assert issuance["decidedOn"] == "2018-04-20"
    [share] = issuance["conflicts"]
    assert share["field"] == "japanGovernmentShare"
    assert [v["value"] for v in share["values"]] == [str(issuance["japanGovernmentShare"]), "151"]


async def test_a_decision_for_two_projects_lists_both(seeded_client: httpx.AsyncClient) -> None:
    query = """{ issuance(key: "ISS-MN-2016-1") { notifiedTotal project { ref }
                 projects { ref } series { key quantity } } }"""
    issuance = data(await gql(seeded_client, query))["issuance"]
    assert issuance["project"] == {"ref": "MN001"}
    assert issuance["projects"] == [{"ref": "MN001"}, {"ref": "MN002"}]
    # Japan's 125 and Mongolia's 32 add up to the 157 notified.
    assert sum(s["quantity"] for s in issuance["series"]) == issuance["notifiedTotal"] == 157
    query = '{ project(ref: "MN002") { issuances { key } } }'
    assert {"key": "ISS-MN-2016-1"} in data(await gql(seeded_client, query))["project"]["issuances"]
