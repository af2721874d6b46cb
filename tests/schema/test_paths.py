"""paths: how two entities connect, fewest hops first, within maxHops."""

from __future__ import annotations

import httpx

from schema.node import global_id
from tests.conftest import data, gql

PATHS = """query($a: ID!, $b: ID!, $hops: Int!) { paths(fromId: $a, toId: $b, maxHops: $hops,
  first: 10) { hops relationships nodes { kind key name } } }"""


async def test_japanese_company_to_partner_country(seeded_client: httpx.AsyncClient) -> None:
    company = global_id("Organization", "jfe-engineering")
    country = global_id("Country", "VN")
    paths = data(await gql(seeded_client, PATHS, a=company, b=country, hops=3))["paths"]
    assert paths
    shortest = paths[0]
    assert shortest["hops"] == 2
    assert [n["key"] for n in shortest["nodes"]] == ["jfe-engineering", "X-VN-01", "VN"]
    assert shortest["relationships"] == ["PARTICIPATES_IN", "HOSTED_IN"]
    assert [p["hops"] for p in paths] == sorted(p["hops"] for p in paths)
    assert all(p["hops"] <= 3 for p in paths)


async def test_max_hops_is_respected(seeded_client: httpx.AsyncClient) -> None:
    company = global_id("Organization", "jfe-engineering")
    country = global_id("Country", "VN")
    paths = data(await gql(seeded_client, PATHS, a=company, b=country, hops=1))["paths"]
    assert paths == []
    body = await gql(seeded_client, PATHS, a=company, b=country, hops=7)
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"


async def test_unknown_entity_is_not_found(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(
        seeded_client,
        PATHS,
        a=global_id("Organization", "nobody"),
        b=global_id("Country", "VN"),
        hops=2,
    )
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
