"""GraphQL over HTTP: methods, media types and status codes."""

from __future__ import annotations

import httpx

GRAPHQL_RESPONSE = "application/graphql-response+json"
QUERY = "{ graphInfo { nodeCount } }"


async def test_post_answers_json_by_default(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post("/graphql", json={"query": QUERY})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["data"]["graphInfo"]["nodeCount"] > 0


async def test_graphql_response_media_type_when_asked(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post(
        "/graphql", json={"query": QUERY}, headers={"Accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)


async def test_request_error_is_400_with_graphql_response(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post(
        "/graphql", json={"query": "{ nope }"}, headers={"Accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_field_error_keeps_200_and_partial_data(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post(
        "/graphql",
        json={"query": '{ graphInfo { nodeCount } project(ref: "NOPE") { ref } }'},
        headers={"Accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_get_runs_queries(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.get(
        "/graphql", params={"query": QUERY}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["data"]["graphInfo"]["nodeCount"] > 0


async def test_bad_json_is_400_with_a_json_error(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post(
        "/graphql", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_missing_query_is_400(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post("/graphql", json={"variables": {}})
    assert response.status_code == 400
    assert "query" in response.json()["errors"][0]["message"].lower()


async def test_unknown_operation_name_is_a_request_error(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post(
        "/graphql",
        json={"query": "query A { graphInfo { nodeCount } }", "operationName": "B"},
        headers={"Accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 400
    assert "B" in response.json()["errors"][0]["message"]


async def test_other_methods_are_refused(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.put("/graphql", json={"query": QUERY})
    assert response.status_code == 405


async def test_mutations_over_get_are_refused_with_405(seeded_client: httpx.AsyncClient) -> None:
    mutation = 'mutation { cancelCredits(input: {fromAccount: "x", quantity: 1}) { keys } }'
    response = await seeded_client.get("/graphql", params={"query": mutation})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
