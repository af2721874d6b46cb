"""jcmProgress: partners over time, projects by stage, credits over time, targets: each figure
equals what the seed files say."""

from __future__ import annotations

from collections import Counter

import httpx

from tests.conftest import data, gql
from tests.seed_ledger import ALL, RECORDS, notified_total

PROGRESS = """query($q: [DataQuality!]) { jcmProgress(creditQuality: $q) {
  partners { partnership partner signedOn partnerCount dataQuality }
  projectsByStage { status projects official }
  creditsByYear { year notified cumulative decisions undisclosed }
  creditQualities
  targets { metric value unit asOf sources { url } }
  publishedCounts { metric value asOf quote sources { url } } } }"""


async def progress(http: httpx.AsyncClient, qualities: list[str] | None = None) -> dict:
    return data(await gql(http, PROGRESS, q=qualities))["jcmProgress"]


async def test_partners_are_counted_in_signing_order(seeded_client: httpx.AsyncClient) -> None:
    partners = (await progress(seeded_client))["partners"]
    dated = [p for p in partners if p["signedOn"]]
    assert [p["signedOn"] for p in dated] == sorted(p["signedOn"] for p in dated)
    assert [p["partnerCount"] for p in dated] == list(range(1, len(dated) + 1))
    assert dated[0]["partner"] == "MN"  # the first partner, January 2013
    assert len(partners) == len(RECORDS["partnerships.json"])
    assert all(p["partnerCount"] is None for p in partners if not p["signedOn"])


async def test_projects_by_stage_equal_the_seed(seeded_client: httpx.AsyncClient) -> None:
    stages = (await progress(seeded_client))["projectsByStage"]
    projects = RECORDS["projects.json"]
    assert {s["status"]: s["projects"] for s in stages} == Counter(p.status for p in projects)
    official = Counter(p.status for p in projects if p.dataQuality == "OFFICIAL")
    assert {s["status"]: s["official"] for s in stages} == {
        s["status"]: official.get(s["status"], 0) for s in stages
    }


async def test_credits_by_year_add_up_to_the_real_notified_totals(
    seeded_client: httpx.AsyncClient,
) -> None:
    result = await progress(seeded_client)
    years = result["creditsByYear"]
    assert result["creditQualities"] == ["OFFICIAL", "SECONDARY"]
    assert sum(y["notified"] for y in years) == notified_total()
    assert years[-1]["cumulative"] == notified_total()
    assert sum(y["decisions"] for y in years) == sum(
        1 for i in RECORDS["issuances.json"] if i.dataQuality != "ILLUSTRATIVE"
    )
    everything = await progress(seeded_client, list(ALL))
    assert everything["creditsByYear"][-1]["cumulative"] == notified_total(ALL)


async def test_targets_and_published_counts_are_sourced(seeded_client: httpx.AsyncClient) -> None:
    result = await progress(seeded_client)
    assert {(t["metric"], t["value"]) for t in result["targets"]} >= {
        ("REDUCTION_TARGET", 100_000_000)
    }
    assert any(
        c["metric"] == "PARTNER_COUNTRIES" and c["value"] == 29 for c in result["publishedCounts"]
    )
    assert all(s["sources"] for s in result["targets"] + result["publishedCounts"])
