"""Relay global ids and relationships in both directions."""

from __future__ import annotations

import base64

import httpx

from tests.conftest import data, gql


async def test_node_fetches_any_object_by_its_global_id(seeded_client: httpx.AsyncClient) -> None:
    first = data(await gql(seeded_client, '{ project(ref: "KH005") { id title } }'))["project"]
    again = data(
        await gql(
            seeded_client,
            "query($id: ID!) { node(id: $id) { id ... on Project { title } } }",
            id=first["id"],
        )
    )["node"]
    assert again == first


async def test_malformed_global_id_is_a_bad_user_input(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, '{ node(id: "%%%") { id } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_relationships_read_both_ways(seeded_client: httpx.AsyncClient) -> None:
    query = """{ project(ref: "X-VN-01") { participants { role side organization { key
                   projects(first: 5) { nodes { ref } } } }
                 funding { programme { key projects(first: 100) { nodes { ref } } } } } }"""
    project = data(await gql(seeded_client, query))["project"]
    participant = project["participants"][0]
    assert (participant["role"], participant["side"]) == ("REPRESENTATIVE", "JP")
    assert participant["organization"]["key"] == "jfe-engineering"
    assert {"ref": "X-VN-01"} in participant["organization"]["projects"]["nodes"]
    programme = project["funding"][0]["programme"]
    assert programme["key"] == "MOEJ-MODEL"
    assert {"ref": "X-VN-01"} in programme["projects"]["nodes"]


async def test_every_type_exposes_sources_and_data_quality(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ partnership(key: "JP-MN") { dataQuality sources { url }
                 methodologies(first: 3) { nodes { dataQuality sources { url } } }
                 tpes { dataQuality sourceUrls organization { dataQuality sources { url } } } } }"""
    p = data(await gql(seeded_client, query))["partnership"]
    assert p["dataQuality"] == "SECONDARY"  # its first Joint Committee rests on a blog copy
    assert p["sources"]
    assert all(m["sources"] for m in p["methodologies"]["nodes"])
    assert all(t["sourceUrls"] and t["organization"]["sources"] for t in p["tpes"])


async def test_ledger_types_link_up(seeded_client: httpx.AsyncClient) -> None:
    query = """{ creditBlocks(filter: {series: ["JP-X-ID-02-2016-1"], status: [RETIRED]}) {
        nodes { key firstSerial lastSerial quantity status account { key kind }
                splitFrom { key status } issuance { key project { ref } } } } }"""
    nodes = data(await gql(seeded_client, query))["creditBlocks"]["nodes"]
    assert nodes == [
        {
            "key": "JP-X-ID-02-2016-1/1-10",
            "firstSerial": "JP-X-ID-02-2016-1-000001",
            "lastSerial": "JP-X-ID-02-2016-1-000010",
            "quantity": 10,
            "status": "RETIRED",
            "account": {"key": "JP-RETIREMENT", "kind": "RETIREMENT"},
            "splitFrom": {"key": "JP-X-ID-02-2016-1/1-27", "status": "SUPERSEDED"},
            "issuance": {"key": "ISS-ID-2016-1", "project": {"ref": "ID002"}},
        }
    ]


async def test_series_lists_its_transactions_in_order(seeded_client: httpx.AsyncClient) -> None:
    query = """{ creditBlocks(filter: {ids: ["TH-X-TH-01-2025-1/61-70"]}) { nodes {
        seriesInfo { key quantity retired cancelled transactions { key kind firstTransfer
          correspondingAdjustments { key party } } } } } }"""
    series = data(await gql(seeded_client, query))["creditBlocks"]["nodes"][0]["seriesInfo"]
    assert (series["quantity"], series["retired"], series["cancelled"]) == (100, 20, 0)
    kinds = [(t["key"], t["kind"], t["firstTransfer"]) for t in series["transactions"]]
    assert kinds == [
        ("TX-ILL-05", "ISSUANCE", False),
        ("TX-ILL-06", "TRANSFER", True),
        ("TX-ILL-07", "TRANSFER", True),
        ("TX-ILL-08", "RETIREMENT", False),
    ]
    adjustments = [t["correspondingAdjustments"] for t in series["transactions"]]
    assert adjustments[1] == [{"key": "CA-TH-2025-1", "party": "TH"}]
    assert adjustments[2] == []


async def test_statistics_carry_their_quote_and_source(seeded_client: httpx.AsyncClient) -> None:
    query = """{ statistics(metric: "PARTNER_COUNTRIES") { key value asOf asOfPrecision
                 quote sources { url } } }"""
    stats = data(await gql(seeded_client, query))["statistics"]
    latest = stats[-1]
    assert (latest["key"], latest["value"], latest["asOfPrecision"]) == (
        "STAT-PARTNERS-2024-01",
        29,
        "MONTH",
    )
    assert latest["sources"] == [{"url": "https://www.mofa.go.jp/ic/ch/page1we_000105.html"}]


BLOCKS = """query($f: CreditBlockFilter) { creditBlocks(filter: $f, first: 100) {
  nodes { key status } } }"""


async def test_blocks_containing_a_serial(seeded_client: httpx.AsyncClient) -> None:
    nodes = data(
        await gql(seeded_client, BLOCKS, f={"containsSerial": "JP-X-ID-02-2016-1-000029"})
    )["creditBlocks"]["nodes"]
    assert {n["key"] for n in nodes} == {"JP-X-ID-02-2016-1/28-31", "JP-X-ID-02-2016-1/28-29"}
    live = data(
        await gql(
            seeded_client,
            BLOCKS,
            f={"containsSerial": "JP-X-ID-02-2016-1-000029", "NOT": {"status": ["SUPERSEDED"]}},
        )
    )
    assert [n["key"] for n in live["creditBlocks"]["nodes"]] == ["JP-X-ID-02-2016-1/28-29"]


async def test_blocks_overlapping_a_range(seeded_client: httpx.AsyncClient) -> None:
    nodes = data(
        await gql(
            seeded_client,
            BLOCKS,
            f={
                "overlaps": {"series": "JP-X-ID-02-2016-1", "first": 10, "last": 11},
                "status": ["HELD", "RETIRED"],
            },
        )
    )["creditBlocks"]["nodes"]
    assert {n["key"] for n in nodes} == {"JP-X-ID-02-2016-1/1-10", "JP-X-ID-02-2016-1/11-27"}


async def test_malformed_serial_in_a_filter(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, BLOCKS, f={"containsSerial": "nope"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_a_missing_lookup_is_null_with_not_found_at_its_path_only(
    seeded_client: httpx.AsyncClient,
) -> None:
    body = await gql(
        seeded_client,
        '{ missing: project(ref: "NO-SUCH") { ref } found: project(ref: "CR001") { ref } }',
    )
    assert body["data"] == {"missing": None, "found": {"ref": "CR001"}}
    (error,) = body["errors"]
    assert error["path"] == ["missing"]
    assert error["extensions"]["code"] == "NOT_FOUND"


async def test_nodes_fetches_several_ids_in_order_with_null_for_unknown_ones(
    seeded_client: httpx.AsyncClient,
) -> None:
    ids = data(
        await gql(
            seeded_client,
            '{ a: project(ref: "CR001") { id } b: country(code: "TH") { id } }',
        )
    )
    gone = base64.urlsafe_b64encode(b"Project:NO-SUCH").decode().rstrip("=")
    query = """query($ids: [ID!]!) { nodes(ids: $ids) { id
      ... on Project { ref } ... on Country { code } } }"""
    found = data(await gql(seeded_client, query, ids=[ids["b"]["id"], gone, ids["a"]["id"]]))
    assert found["nodes"] == [
        {"id": ids["b"]["id"], "code": "TH"},
        None,
        {"id": ids["a"]["id"], "ref": "CR001"},
    ]
    too_many = await gql(seeded_client, query, ids=[ids["a"]["id"]] * 101)
    assert too_many["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
