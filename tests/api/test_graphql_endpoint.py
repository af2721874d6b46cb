"""HTTP → schema → named query → database and back, through the real ASGI app."""

from __future__ import annotations

import base64
import hashlib
import re

import httpx

from api.graphiql_assets import MOUNT

GRAPH_INFO = "{ graphInfo { backend nodeCount relationshipCount labels { label count } } }"


async def test_graph_info_answers_from_the_database(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": GRAPH_INFO})
    assert response.status_code == 200
    info = response.json()["data"]["graphInfo"]
    assert info["backend"] in ("falkordb", "neo4j")
    assert info["nodeCount"] == 0
    assert info["relationshipCount"] == 0
    assert info["labels"] == []


async def test_every_response_carries_a_request_id(client: httpx.AsyncClient) -> None:
    given = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = await client.get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])


async def test_unknown_field_is_a_bad_user_input_error(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ nope }"})
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "nope" in error["message"]


async def test_graphiql_page_references_no_external_url(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()
    external = re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", page.text)
    assert external == []
    assert "unpkg.com" not in page.text


async def test_graphiql_assets_are_served_locally_and_match_their_sri_hashes(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    tags = re.findall(r'(?:src|href)="([^"]+)"\s+integrity="sha384-([^"]+)"', page.text)
    assert len(tags) == 8  # GraphiQL, React, the explorer plugin, js-cookie, graphql-ws
    for url, expected in tags:
        assert url.startswith(MOUNT), url
        asset = await client.get(url)
        assert asset.status_code == 200, url
        digest = base64.b64encode(hashlib.sha384(asset.content).digest()).decode()
        assert digest == expected, f"{url}: the browser would refuse this file"


async def test_files_the_page_does_not_name_are_not_served(client: httpx.AsyncClient) -> None:
    response = await client.get(MOUNT + "react@18.2.0/package.json")
    assert response.status_code == 404
    response = await client.get(MOUNT + "react@18.2.0/../../pyproject.toml")
    assert response.status_code == 404


async def test_home_page_links_the_ide_and_references_nothing_external(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/")
    assert page.status_code == 200
    assert 'href="/graphql"' in page.text
    assert not re.findall(r"""(?:src|href)=["']https?://""", page.text)
