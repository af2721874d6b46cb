"""The response cache: a repeated query is answered from memory after one version read, and a
write is visible to the very next read (the cache is never stale)."""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx

from api.response_cache import cache_key
from tests.conftest import READER_TOKEN, WRITER_TOKEN, data, gql_as
from tests.schema.test_registry_mutations import SERIES, TRANSFER

HOLDER = """query($s: String!) { traceCredit(serial: $s) { holder { key } } }"""


async def post(http: httpx.AsyncClient, query: str, token: str | None = None, **variables: object):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await http.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )


async def test_a_repeated_query_is_a_hit_with_one_round_trip_and_the_same_answer(
    ledger_client: httpx.AsyncClient,
) -> None:
    query = """{ projects(first: 5) { nodes { ref hostCountry { name } } }
                 countries(first: 2) { nodes { code } } }"""
    first = await post(ledger_client, query)
    second = await post(ledger_client, query)
    assert first.headers["x-cache"] == "miss"
    assert second.headers["x-cache"] == "hit"
    assert int(first.headers["x-db-round-trips"]) > 1
    assert second.headers["x-db-round-trips"] == "1"  # the version read
    assert second.json() == first.json()


async def test_a_write_is_visible_to_the_very_next_read(ledger_client: httpx.AsyncClient) -> None:
    serial = f"{SERIES}-000013"
    before = await post(ledger_client, HOLDER, s=serial)
    assert (await post(ledger_client, HOLDER, s=serial)).headers["x-cache"] == "hit"
    held_by = before.json()["data"]["traceCredit"]["holder"]["key"]
    to = "JP-MAYEKAWA-HOLDING" if held_by != "JP-MAYEKAWA-HOLDING" else "JP-GOJ-HOLDING"
    moved = await gql_as(
        ledger_client,
        WRITER_TOKEN,
        TRANSFER,
        to=to,
        input={"fromAccount": held_by, "series": SERIES, "first": 13, "last": 13},
    )
    data(moved)
    after = await post(ledger_client, HOLDER, s=serial)
    assert after.headers["x-cache"] == "miss"
    assert after.json()["data"]["traceCredit"]["holder"]["key"] == to


async def test_callers_of_different_kinds_never_share_an_entry(
    ledger_client: httpx.AsyncClient,
) -> None:
    query = "{ countries(first: 3) { nodes { code } } }"
    assert (await post(ledger_client, query)).headers["x-cache"] == "miss"
    assert (await post(ledger_client, query, READER_TOKEN)).headers["x-cache"] == "miss"
    assert (await post(ledger_client, query, READER_TOKEN)).headers["x-cache"] == "hit"


async def test_errors_and_mutations_are_never_cached(ledger_client: httpx.AsyncClient) -> None:
    missing = '{ project(ref: "NO-SUCH") { ref } }'
    await post(ledger_client, missing)
    assert (await post(ledger_client, missing)).headers["x-cache"] == "miss"
    opened = """mutation { openAccount(key: "TH-CACHE", registry: "TH", kind: HOLDING,
      name: "C", ownerCountry: "TH") { keys } }"""
    response = await post(ledger_client, opened, WRITER_TOKEN)
    assert "x-cache" not in response.headers


async def test_get_answers_carry_an_etag_and_revalidate_with_304(
    ledger_client: httpx.AsyncClient,
) -> None:
    params = {"query": "{ countries(first: 2) { nodes { code } } }"}
    first = await ledger_client.get("/graphql", params=params)
    assert first.headers["cache-control"] == "no-cache"
    etag = first.headers["etag"]
    again = await ledger_client.get("/graphql", params=params, headers={"If-None-Match": etag})
    assert again.status_code == 304
    data(
        await gql_as(
            ledger_client,
            WRITER_TOKEN,
            """mutation { openAccount(key: "TH-ETAG",
      registry: "TH", kind: HOLDING, name: "E", ownerCountry: "TH") { keys } }""",
        )
    )
    changed = await ledger_client.get("/graphql", params=params, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag


async def test_operations_of_one_document_never_share_an_entry(
    ledger_client: httpx.AsyncClient,
) -> None:
    document = """query Japan { country(code: "JP") { name } }
                  query VietNam { country(code: "VN") { name } }"""

    async def ask(operation: str) -> httpx.Response:
        body = {"query": document, "operationName": operation}
        return await ledger_client.post("/graphql", json=body)

    assert (await ask("Japan")).headers["x-cache"] == "miss"
    other = await ask("VietNam")
    assert other.headers["x-cache"] == "miss"
    assert data(other.json()) == {"country": {"name": "Viet Nam"}}
    again = await ask("Japan")
    assert again.headers["x-cache"] == "hit"
    assert data(again.json()) == {"country": {"name": "Japan"}}


async def test_each_response_media_type_has_its_own_entry(
    ledger_client: httpx.AsyncClient,
) -> None:
    body = {"query": "{ countries(first: 2) { nodes { code } } }"}

    async def ask(accept: str) -> httpx.Response:
        return await ledger_client.post("/graphql", json=body, headers={"Accept": accept})

    plain = await ask("application/json")
    assert plain.headers["x-cache"] == "miss"
    assert plain.headers["content-type"].startswith("application/json")
    spec = await ask("application/graphql-response+json")
    assert spec.headers["x-cache"] == "miss"
    assert spec.headers["content-type"].startswith("application/graphql-response+json")
    again = await ask("application/graphql-response+json")
    assert again.headers["x-cache"] == "hit"
    assert again.headers["content-type"].startswith("application/graphql-response+json")
    assert again.json() == spec.json() == plain.json()


def test_an_entry_lasts_one_utc_day_at_most() -> None:
    """Some answers depend on the day: an `asOf` left out reads the ledger as of today."""
    fields = {"query": "{ countries(first: 2) { nodes { code } } }"}
    on = [
        cache_key("v1", "anonymous", "application/json", fields, dt.date(2026, 12, d))
        for d in (1, 1, 2)
    ]
    assert on[0] == on[1]
    assert on[1] != on[2]


async def test_hits_arriving_together_share_their_version_read(
    ledger_client: httpx.AsyncClient,
) -> None:
    query = "{ countries(first: 3) { nodes { code } } }"
    first = await post(ledger_client, query)
    together = await asyncio.gather(*(post(ledger_client, query) for _ in range(8)))
    assert [answer.headers["x-cache"] for answer in together] == ["hit"] * 8
    assert all(answer.json() == first.json() for answer in together)
    # Each made one read before (8 in all); now the one on its way and the next serve them all.
    assert sum(int(answer.headers["x-db-round-trips"]) for answer in together) == 2
