"""creditFlows: links between holders that conserve what was issued."""

from __future__ import annotations

from collections import defaultdict

import httpx
import pytest

from tests.conftest import data, gql
from tests.seed_ledger import ledger_totals

FLOWS = """query($by: FlowGrouping!, $from: Date, $to: Date, $q: [DataQuality!]) {
  creditFlows(groupBy: $by, fromDate: $from, toDate: $to, dataQuality: $q) {
    nodes { key label } links { source target quantity transactions } issued withinGroups
    dataQualities } }"""
ALL = ["OFFICIAL", "SECONDARY", "ILLUSTRATIVE"]
ISSUED = ledger_totals(tuple(ALL))["issued"]


@pytest.mark.parametrize("by", ["ORGANIZATION", "COUNTRY", "REGISTRY", "ACCOUNT_KIND", "ACCOUNT"])
async def test_flows_conserve_what_was_issued(seeded_client: httpx.AsyncClient, by: str) -> None:
    flows = data(await gql(seeded_client, FLOWS, by=by, q=ALL))["creditFlows"]
    assert flows["issued"] == ISSUED
    balance: dict[str, int] = defaultdict(int)
    for link in flows["links"]:
        balance[link["source"]] -= link["quantity"]
        balance[link["target"]] += link["quantity"]
    # What left 'ISSUANCE' is held, retired or cancelled somewhere: the groups' net inflows.
    assert -balance.pop("ISSUANCE") == ISSUED
    assert sum(balance.values()) == ISSUED
    assert {n["key"] for n in flows["nodes"]} >= {link["target"] for link in flows["links"]}


async def test_flows_by_account_kind_show_retirements_and_cancellations(
    seeded_client: httpx.AsyncClient,
) -> None:
    flows = data(await gql(seeded_client, FLOWS, by="ACCOUNT_KIND", q=ALL))["creditFlows"]
    links = {(link["source"], link["target"]): link["quantity"] for link in flows["links"]}
    assert links[("ISSUANCE", "HOLDING")] == ISSUED
    assert links[("HOLDING", "RETIREMENT")] == 30
    assert links[("HOLDING", "CANCELLATION")] == 1
    assert flows["withinGroups"] == 2 + 2 + 60 + 10  # holding-to-holding transfers


async def test_flows_by_registry_show_the_international_transfer(
    seeded_client: httpx.AsyncClient,
) -> None:
    flows = data(await gql(seeded_client, FLOWS, by="REGISTRY", q=ALL, **{"from": "2025-01-01"}))
    links = {(lk["source"], lk["target"]): lk["quantity"] for lk in flows["creditFlows"]["links"]}
    assert links[("TH", "JP")] == 70
    # 2025 on: the illustrative Thai 100, TH014's 1,009 ITMOs and Mongolia's 2025-26 issuances.
    assert flows["creditFlows"]["issued"] == 100 + 1009 + 35854 + 8963 + 24249 + 256 + 110


async def test_reversed_window_is_refused(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, FLOWS, by="REGISTRY", to="2020-01-01", **{"from": "2021-01-01"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_flows_leave_illustrative_moves_out_unless_asked(
    seeded_client: httpx.AsyncClient,
) -> None:
    real = data(await gql(seeded_client, FLOWS, by="ACCOUNT_KIND"))["creditFlows"]
    assert real["dataQualities"] == ["OFFICIAL", "SECONDARY"]
    assert real["issued"] == ledger_totals()["issued"]  # Thailand's 100 units are made up
    links = {(lk["source"], lk["target"]) for lk in real["links"]}
    assert ("HOLDING", "RETIREMENT") not in links  # every seeded retirement is illustrative
