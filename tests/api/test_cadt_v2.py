"""CAD Trust v2 files: v2 columns and pick-list values only, JSON arrays in CSV cells, block
numbers, every file valid by the v2 rules, and CSV and JSON decoding to the same records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pytest

from api.cli import main as jcm
from cypher.cadt_export import STATUS
from cypher.cadt_v2 import COLUMNS, check_file, picklists, read_table
from seed.seed_files import read_seed
from tests.conftest import data, gql

PROJECTS = read_seed()["projects.json"]
FILES = [
    f"{sheet}.{ext}" for sheet in ("projects", "locations", "units") for ext in ("csv", "json")
]


async def download(http: httpx.AsyncClient, name: str) -> str:
    response = await http.get(f"/export/cadt-v2/{name}")
    assert response.status_code == 200, response.text
    return response.text


@pytest.mark.parametrize("name", FILES)
async def test_every_exported_file_passes_the_v2_checks(
    seeded_client: httpx.AsyncClient, name: str
) -> None:
    kind, count, problems = check_file(await download(seeded_client, name))
    assert kind == name.split(".")[0]
    assert count > 0
    assert problems == []


async def test_projects_csv_has_the_template_columns_and_v2_values(
    seeded_client: httpx.AsyncClient,
) -> None:
    text = await download(seeded_client, "projects.csv")
    header = next(csv.reader(io.StringIO(text)))
    assert header == COLUMNS["projects"]
    _, records = read_table(text)
    assert len(records) == len(PROJECTS)
    cr001 = next(r for r in records if r["projectId"] == "CR001")
    assert cr001["projectSector"] == ["Energy industries (renewable-/ non renewable sources)"]
    assert cr001["projectType"] == ["Solar"]
    assert cr001["projectStatus"] == "Registered"
    assert cr001["projectUnitMetric"] == "tCO2e"
    raw = next(r for r in csv.DictReader(io.StringIO(text)) if r["projectId"] == "CR001")
    assert raw["projectSector"] == '["Energy industries (renewable-/ non renewable sources)"]'
    statuses = {r["projectId"]: r["projectStatus"] for r in records}
    assert statuses["TH010"] == "Withdrawn"
    assert statuses["BD001"] == "Listed"  # under validation
    assert set(statuses.values()) <= set(picklists()["projectStatus"])


async def test_csv_and_json_decode_to_the_same_records(seeded_client: httpx.AsyncClient) -> None:
    for sheet in ("projects", "locations", "units"):
        _, from_csv = read_table(await download(seeded_client, f"{sheet}.csv"))
        _, from_json = read_table(await download(seeded_client, f"{sheet}.json"))
        columns = COLUMNS[sheet]
        assert from_csv == [{c: r[c] for c in columns} for r in from_json], sheet


async def test_units_carry_block_numbers_and_match_the_ledger(
    seeded_client: httpx.AsyncClient,
) -> None:
    _, units = read_table(await download(seeded_client, "units.json"))
    live = data(
        await gql(
            seeded_client,
            "{ creditBlocks(filter: {NOT: {status: [SUPERSEDED]}}, first: 100) { totalCount } }",
        )
    )["creditBlocks"]["totalCount"]
    assert len(units) == live
    itmo = next(u for u in units if u["unitSerialId"] == "TH-X-TH-01-2025-1/61-70")
    assert (itmo["unitStartBlock"], itmo["unitEndBlock"], itmo["unitCount"]) == ("61", "70", 10)
    assert (itmo["unitItmosReferenceId"], itmo["unitStatus"]) == ("AUTH-TH-2025-1", "Held")
    retired = next(u for u in units if u["unitSerialId"] == "JP-X-ID-02-2016-1/1-10")
    assert (retired["unitStatus"], retired["unitRetirementDetail"]) == ("Retired", "NDC")
    assert all(
        int(u["unitEndBlock"]) - int(u["unitStartBlock"]) + 1 == u["unitCount"] for u in units
    )


async def test_locations_name_countries_as_the_v2_pick_list_does(
    seeded_client: httpx.AsyncClient,
) -> None:
    _, locations = read_table(await download(seeded_client, "locations.json"))
    _, projects = read_table(await download(seeded_client, "projects.json"))
    assert [loc["cadTrustProjectId"] for loc in locations] == [
        p["cadTrustProjectId"] for p in projects
    ]
    la001 = next(p for p in projects if p["projectId"] == "LA001")
    [where] = [loc for loc in locations if loc["cadTrustProjectId"] == la001["cadTrustProjectId"]]
    assert where["locationCountry"] == "Lao People's Democratic Republic"


async def test_provenance_names_every_records_quality_and_sources(
    seeded_client: httpx.AsyncClient,
) -> None:
    rows = list(csv.DictReader(io.StringIO(await download(seeded_client, "provenance.csv"))))
    _, units = read_table(await download(seeded_client, "units.json"))
    assert len(rows) == len(PROJECTS) + len(units)
    assert all(r["dataQuality"] and r["sources"] for r in rows)


async def test_an_unknown_file_is_not_found(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.get("/export/cadt-v2/projects.xlsx")
    assert response.status_code == 404
    assert "projects.csv" in response.json()["errors"][0]["message"]


def test_the_validator_reports_v1_values_and_missing_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "projects.json"
    bad.write_text(
        json.dumps(
            [
                {
                    "projectRegistryName": "R",
                    "projectId": "P1",
                    "projectName": "A project",
                    "projectSector": ["Electricity; gas, steam and air conditioning supply"],
                    "projectType": "Solar",
                    "projectStatusDate": "someday",
                    "projectLink": "not a url",
                },
                {"projectRegistryName": "R", "projectId": "P2"},
            ]
        )
    )
    assert jcm(["validate-cadt", str(bad)]) == 1
    out = capsys.readouterr().out
    assert (
        "record 1: projectSector: 'Electricity; gas, steam and air conditioning supply' is not"
        in out
    )
    assert 'record 1: projectType: must be a JSON array of text, e.g. ["Solar"]' in out
    assert "record 1: projectStatusDate: must be a date (YYYY-MM-DD)" in out
    assert "record 1: projectLink: must be a URL" in out
    assert "record 2: projectName: required" in out
    assert "CAD Trust v2 projects, 2 record(s): 5 problem(s)" in out


async def test_the_validator_accepts_the_export(
    seeded_client: httpx.AsyncClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "units.csv"
    good.write_text(await download(seeded_client, "units.csv"))
    assert jcm(["validate-cadt", str(good)]) == 0
    assert "valid" in capsys.readouterr().out


async def test_reading_the_export_back_gives_the_graphs_projects(
    seeded_client: httpx.AsyncClient,
) -> None:
    _, records = read_table(await download(seeded_client, "projects.csv"))
    back = {r["projectId"]: (r["projectName"], r["projectStatus"]) for r in records}
    assert back == {p.ref: (p.title, STATUS[p.status]) for p in PROJECTS}
