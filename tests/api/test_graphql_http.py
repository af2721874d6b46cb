"""GraphQL over HTTP: methods, media types and status codes."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import gql

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


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b'"x"', "must be a JSON object"),
        (b"null", "must be a JSON object"),
        (b"[]", "batched requests are not supported"),
        (b'{"query": "{ graphInfo { nodeCount } }\xff"}', "not valid UTF-8"),
        (b"[" * 1500 + b"]" * 1500, "nests JSON too deeply"),
        (b'{"query": 5}', "`query` must be a string"),
        (b'{"query": "{ graphInfo { nodeCount } }", "variables": "x"}', "`variables` must be"),
        (
            b'{"query": "query($t: String!) { search(text: $t) { key } }",'
            b' "variables": {"t": "so\\u0000lar"}}',
            "NUL character",
        ),
        (
            b'{"query": "query($t: String!) { project(ref: $t) { ref } }",'
            b' "variables": {"t": "\\ud800x"}}',
            "unpaired surrogate",
        ),
    ],
)
async def test_a_malformed_body_is_400_saying_what_to_fix(
    seeded_client: httpx.AsyncClient, body: bytes, says: str
) -> None:
    response = await seeded_client.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert says in error["message"]


async def test_a_nul_in_a_string_literal_is_bad_user_input_not_internal(
    seeded_client: httpx.AsyncClient,
) -> None:
    body = await gql(seeded_client, '{ project(ref: "CR\\u0000001") { ref } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "NUL" in body["errors"][0]["message"]


async def test_get_variables_that_are_not_json_are_400(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.get(
        "/graphql", params={"query": "{ graphInfo { nodeCount } }", "variables": "{nope"}
    )
    assert response.status_code == 400
    assert "`variables` is not valid JSON" in response.json()["errors"][0]["message"]


async def test_get_variables_may_hold_any_unicode_text(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.get(
        "/graphql",
        params={
            "query": "query($t: String!) { search(text: $t) { key } }",
            "variables": '{"t": "ベトナム solar"}',
        },
    )
    assert response.status_code == 200
    assert "errors" not in response.json()


async def test_a_request_error_leaves_data_out(seeded_client: httpx.AsyncClient) -> None:
    body = (await seeded_client.post("/graphql", json={"query": "{ nope }"})).json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_a_subscription_over_http_is_400_pointing_at_the_websocket(
    seeded_client: httpx.AsyncClient,
) -> None:
    for accept in ("application/json", "text/event-stream"):
        response = await seeded_client.post(
            "/graphql",
            json={"query": "subscription { registryEvents { seq } }"},
            headers={"Accept": accept},
        )
        assert response.status_code == 400
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert "graphql-transport-ws" in error["message"]
