"""Each request limit answers LIMIT_EXCEEDED and says the limit."""

from __future__ import annotations

import httpx

from tests.conftest import gql


def code(body: dict) -> str:
    return body["errors"][0]["extensions"]["code"]


async def test_too_deep_an_operation_is_refused(seeded_client: httpx.AsyncClient) -> None:
    deep = (
        "{ projects(first: 1) { nodes { hostCountry { partnerships { countries { partnerships"
        " { countries { partnerships { countries { partnerships { countries"
        " { partnerships { countries { code } } } } } } } } } } } } } }"
    )
    body = await gql(seeded_client, deep)
    assert code(body) == "LIMIT_EXCEEDED"
    assert "deep" in body["errors"][0]["message"]
    assert "data" not in body or body["data"] is None


async def test_too_many_aliases_are_refused(seeded_client: httpx.AsyncClient) -> None:
    fields = " ".join(f"a{i}: graphInfo {{ nodeCount }}" for i in range(31))
    body = await gql(seeded_client, "{ " + fields + " }")
    assert code(body) == "LIMIT_EXCEEDED"
    assert "aliases" in body["errors"][0]["message"]


async def test_aliases_within_the_limit_are_fine(seeded_client: httpx.AsyncClient) -> None:
    fields = " ".join(f"a{i}: graphInfo {{ nodeCount }}" for i in range(5))
    body = await gql(seeded_client, "{ " + fields + " }")
    assert "errors" not in body


async def test_too_many_tokens_are_refused(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, "{ graphInfo { " + "nodeCount " * 3000 + "} }")
    assert code(body) == "LIMIT_EXCEEDED"


async def test_too_large_a_body_is_refused(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post(
        "/graphql", json={"query": "{ graphInfo { nodeCount } }", "pad": "x" * 200_000}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"


async def test_search_page_size_is_limited(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, '{ search(text: "solar", first: 500) { key } }')
    assert code(body) == "LIMIT_EXCEEDED"


async def test_the_ides_introspection_query_is_within_the_limits(
    seeded_client: httpx.AsyncClient,
) -> None:
    from graphql import get_introspection_query

    body = await gql(seeded_client, get_introspection_query(descriptions=True))
    assert "errors" not in body, body.get("errors")
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"
