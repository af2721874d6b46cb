"""The benchmark's floors (tests/benchmarks/queries) fetch the same data as the API answers
each case with, so `API ÷ floor` compares like with like: a floor that read less would make
the API look slower than it is, one that read more, faster."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from cypher.credit_trace import QUALITY_ORDER
from tests.benchmarks.read_api import (
    COUNTRY,
    COUNTRY_PROJECTS,
    NEIGHBOURHOOD,
    PAGE,
    STATS,
    TRACE,
    unit_of,
)
from tests.conftest import data, gql

FLOORS = Path(__file__).parent / "queries"
SERIAL = "TH-X-TH-01-2025-1-000065"
SERIAL_WITH_GAPS = "ID-X-ID-02-2016-1-000001"


async def floor(http: httpx.AsyncClient, name: str, **params: Any) -> list[dict[str, Any]]:
    store = http.app.state.store  # type: ignore[attr-defined]
    return await store.read_text(name, (FLOORS / f"{name}.cypher").read_text(), params)


def day(value: Any) -> str | None:
    return None if value is None else str(value)[:10]


async def test_the_country_floor_reads_what_the_simple_lookup_answers(
    seeded_client: httpx.AsyncClient,
) -> None:
    api = data(await gql(seeded_client, COUNTRY, code="TH"))["country"]
    assert await floor(seeded_client, "floor_country", code="TH") == [api]


async def test_the_country_projects_floor_reads_what_the_country_and_its_page_answer(
    seeded_client: httpx.AsyncClient,
) -> None:
    api = data(await gql(seeded_client, COUNTRY_PROJECTS, code="VN"))["country"]
    [row] = await floor(seeded_client, "floor_country_projects", code="VN", limit=10)
    assert {k: row[k] for k in ("code", "name")} == {k: api[k] for k in ("code", "name")}
    assert row["total"] == api["projects"]["totalCount"] > 10
    assert row["projects"] == api["projects"]["nodes"]


async def test_the_neighbourhood_floor_reads_what_the_project_lookup_answers(
    seeded_client: httpx.AsyncClient,
) -> None:
    api = data(await gql(seeded_client, NEIGHBOURHOOD, ref="TH014"))["project"]
    [row] = await floor(seeded_client, "floor_project_neighbourhood", ref="TH014")
    p = row["project"]
    assert {k: p[k] for k in ("ref", "title", "status", "dataQuality")} == {
        k: api[k] for k in ("ref", "title", "status", "dataQuality")
    }
    assert day(p["registeredOn"]) == api["registeredOn"]
    assert p["estimatedAnnualReduction"] == api["estimatedAnnualReduction"]
    assert p["hostCountry"] == [api["hostCountry"]]
    assert sorted(p["sources"]) == sorted(s["url"] for s in api["sources"])
    assert sorted(
        (t["id"], t["name"], s["id"], s["name"])
        for t in p["technologies"]
        for s in p["sectors"]
        if s["technology"] == t["id"]
    ) == sorted(
        (t["key"], t["name"], s["key"], s["name"])
        for t in api["technologies"]
        for s in t["sectors"]
    )
    assert sorted((o["role"], o["side"], o["id"], o["name"]) for o in p["participants"]) == sorted(
        (o["role"], o["side"], o["organization"]["key"], o["organization"]["name"])
        for o in api["participants"]
    )
    assert sorted((f["amount"] or 0, f["id"], f["name"]) for f in p["funding"]) == sorted(
        (f["amount"] or 0, f["programme"]["key"], f["programme"]["name"]) for f in api["funding"]
    )
    assert sorted((s["issuance"], s["id"], s["quantity"]) for s in p["series"]) == sorted(
        (i["key"], s["key"], s["quantity"]) for i in api["issuances"] for s in i["series"]
    )
    assert sorted((i["id"], i["notifiedTotal"]) for i in p["issuances"]) == sorted(
        (i["key"], i["notifiedTotal"]) for i in api["issuances"]
    )


async def test_the_page_floor_reads_what_the_page_of_projects_answers(
    seeded_client: httpx.AsyncClient,
) -> None:
    api = data(await gql(seeded_client, PAGE))["projects"]["nodes"]
    rows = await floor(seeded_client, "floor_project_page", limit=50)
    assert [r["project"]["ref"] for r in rows] == [n["ref"] for n in api]
    for row, node in zip(rows, api, strict=True):
        p = row["project"]
        assert p["title"] == node["title"]
        assert p["hostCountry"] == [node["hostCountry"]]
        assert sorted((t["id"], t["name"]) for t in p["technologies"]) == sorted(
            (t["key"], t["name"]) for t in node["technologies"]
        )
        assert sorted((f["amount"] or 0, f["programme"]) for f in p["funding"]) == sorted(
            (f["amount"] or 0, f["programme"]["key"]) for f in node["funding"]
        )


async def test_the_stats_floor_counts_what_stats_answers(
    seeded_client: httpx.AsyncClient,
) -> None:
    api = data(await gql(seeded_client, STATS))["stats"]
    rows = await floor(seeded_client, "floor_stats_country_year")
    assert [(r["country"], r["year"], r["projects"], r["issued"]) for r in rows] == [
        (g["country"], g["year"], g["projectCount"], g["creditsIssued"]) for g in api
    ]


async def test_the_trace_floor_reads_what_trace_credit_answers(
    seeded_client: httpx.AsyncClient,
) -> None:
    api = data(await gql(seeded_client, TRACE, serial=SERIAL))["traceCredit"]
    [row] = await floor(seeded_client, "floor_trace_unit", **unit_of(SERIAL))
    qualities = [row["dataQuality"], row["issuanceQuality"], row["projectQuality"]]
    qualities += [h["dataQuality"] for h in row["history"]]
    assert min(filter(None, qualities), key=QUALITY_ORDER.index) == api["dataQuality"]
    assert row["issuance"] == api["issuance"]["key"]
    assert row["verification"] == (api["verification"] or {}).get("key")
    assert row["tpe"] == (api["tpe"] or {}).get("key")
    assert row["project"] == api["project"]["ref"]
    assert row["hostCountry"] == api["hostCountry"]["code"]
    assert sorted(row["authorizations"]) == sorted(a["key"] for a in api["authorizations"])
    assert [b["id"] for b in row["lineage"]] == [b["key"] for b in api["lineage"]]
    standing = [b["id"] for b in row["lineage"] if b["status"] != "SUPERSEDED"]
    assert standing[0] == api["block"]["key"]
    assert [
        (
            h["seq"],
            day(h["on"]),
            h["kind"],
            bool(h["from"] and h["to"] and h["fromRegistry"] != h["registry"]),
            bool(h["firstTransfer"]),
            h["from"],
            h["to"],
        )
        for h in row["history"]
    ] == [
        (
            h["seq"],
            h["on"],
            h["kind"],
            h["international"],
            h["firstTransfer"],
            (h["fromAccount"] or {}).get("key"),
            (h["toAccount"] or {}).get("key"),
        )
        for h in api["history"]
    ]
    assert any(h["international"] for h in api["history"]), "the case has a transfer abroad"
    last = row["history"][-1]
    assert (last["to"], last["owner"], last["registry"]) == (
        api["holder"]["key"],
        api["holder"]["owner"],
        api["holder"]["registry"],
    )
    first = next((h for h in row["history"] if h["firstTransfer"]), None)
    adjustment = (
        "NOT_REQUIRED"
        if not row["authorizations"]
        else "NOT_YET_DUE"
        if first is None
        else "APPLIED"
        if first["adjustments"]
        else "MISSING"
    )
    assert adjustment == api["adjustmentStatus"]


async def test_the_trace_floor_reads_what_the_gaps_of_trace_credit_are_found_from(
    seeded_client: httpx.AsyncClient,
) -> None:
    # Two seeded units whose public records lack different facts.
    for serial in (SERIAL, SERIAL_WITH_GAPS):
        gaps = data(await gql(seeded_client, TRACE, serial=serial))["traceCredit"]["gaps"]
        [row] = await floor(seeded_client, "floor_trace_unit", **unit_of(serial))
        found = {
            "verification for issuance": row["verification"] is None,
            "monitoring period of issuance": row["monitoringPeriod"] is None,
            "Joint Committee decision": row["decidedOn"] is None,
            "methodology project": not row["methodologies"],
            "participants of project": not row["participants"],
            "how project": not row["funding"],
        }
        assert found == {phrase: any(phrase in g for g in gaps) for phrase in found}, serial
