"""The common request, a JSON POST, is answered without Strawberry's HTTP view
(api/graphql_post.py), and the answer is the one the view gives: status, headers and body,
byte for byte, errors included; what the view must refuse still goes to the view."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from starlette.routing import Route

from api.graphql_post import takes_post_lane

# An Accept header that Strawberry answers with one JSON document but that the POST lane
# leaves to the view: the same request, through the view.
THROUGH_THE_VIEW = "application/json, text/plain"
ALIASES = "{ " + " ".join(f"a{i}: __typename" for i in range(31)) + " }"
TWO_OPERATIONS = "query A { countries(first: 1) { totalCount } } query B { __typename }"
CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "a lookup with variables",
        {
            "query": "query($c: String!) { country(code: $c) { code name asean } }",
            "variables": {"c": "TH"},
        },
        "application/json",
    ),
    (
        "a page with nested relations",
        {
            "query": "{ projects(first: 5) { nodes { ref hostCountry { code } "
            "funding { amount } } } }"
        },
        "application/json",
    ),
    ("no Accept header at all", {"query": "{ __typename }"}, ""),
    (
        "a field error, with its path",
        {"query": "{ countries(first: 2) { nodes { projects(first: 500) { totalCount } } } }"},
        "application/json",
    ),
    ("a validation error", {"query": "{ nope }"}, "application/json"),
    (
        "a validation error, as graphql-response+json",
        {"query": "{ nope }"},
        "application/graphql-response+json",
    ),
    ("a syntax error", {"query": "{ country("}, "application/json"),
    (
        "a missing variable",
        {"query": "query($c: String!) { country(code: $c) { code } }"},
        "application/graphql-response+json",
    ),
    ("the alias limit", {"query": ALIASES}, "application/json"),
    (
        "an integer past 64 bits",
        {
            "query": "query($n: Int!) { countries(first: $n) { totalCount } }",
            "variables": {"n": 2**70},
        },
        "application/json",
    ),
    ("the chosen one of two operations", {"query": TWO_OPERATIONS, "operationName": "B"}, "*/*"),
    ("an operation that is not there", {"query": TWO_OPERATIONS, "operationName": "C"}, "*/*"),
    ("two operations and no name", {"query": TWO_OPERATIONS}, "application/json"),
    (
        "a mutation without a token",
        {
            "query": 'mutation { transferCredits(toAccount: "X", input: {fromAccount: "Y", '
            "quantity: 1}) { eventSeq } }"
        },
        "application/json",
    ),
    ("an empty query", {"query": ""}, "application/json"),
]


def graphql_view(client: httpx.AsyncClient) -> Any:
    app = client.app  # type: ignore[attr-defined]
    return next(r.app for r in app.routes if isinstance(r, Route) and r.path == "/graphql")


@contextmanager
def view_calls(client: httpx.AsyncClient) -> Iterator[list[str]]:
    """The requests Strawberry's view ran, by method."""
    view, calls = graphql_view(client), []
    run = view.run

    async def counted(request: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(request.method)
        return await run(request, *args, **kwargs)

    view.run = counted
    try:
        yield calls
    finally:
        del view.run


async def post(client: httpx.AsyncClient, payload: dict, accept: str, tag: str) -> httpx.Response:
    # A comment of its own per path, so that neither answer comes from the response cache.
    body = {**payload, "query": f"{payload['query']}\n# {tag}"} if payload["query"] else payload
    headers = {"Accept": accept} if accept else {}
    return await client.post("/graphql", json=body, headers=headers)


def comparable(response: httpx.Response) -> tuple[int, dict[str, str], bytes]:
    headers = {k: v for k, v in response.headers.items() if k != "x-request-id"}
    return response.status_code, headers, response.content


@pytest.mark.parametrize(("payload", "accept"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_the_post_lane_answers_as_strawberry_s_view_does(
    seeded_client: httpx.AsyncClient, payload: dict, accept: str
) -> None:
    lane = await post(seeded_client, payload, accept, "lane")
    through_view = await post(
        seeded_client, payload, f"{accept}, text/plain" if accept else "text/plain", "view"
    )
    assert comparable(lane) == comparable(through_view)


async def test_a_json_post_of_a_query_does_not_go_through_strawberry_s_view(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = {"query": "{ countries(first: 2) { nodes { code } } }"}
    with view_calls(seeded_client) as calls:
        answered = await post(seeded_client, query, "application/json", "not the view")
        assert answered.status_code == 200
        assert calls == []
        await post(seeded_client, query, THROUGH_THE_VIEW, "the view")
        await seeded_client.get("/graphql", params={"query": "{ __typename }"})
        assert calls == ["POST", "GET"]


async def test_requests_the_schema_refuses_before_running_them_go_to_the_view(
    seeded_client: httpx.AsyncClient,
) -> None:
    with view_calls(seeded_client) as calls:
        missing = await post(seeded_client, {"query": ""}, "application/json", "")
        no_such = await post(
            seeded_client, {"query": TWO_OPERATIONS, "operationName": "C"}, "*/*", "x"
        )
        assert calls == ["POST", "POST"]
    assert (missing.status_code, no_such.status_code) == (400, 400)
    assert missing.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert no_such.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize(
    ("method", "accept", "taken"),
    [
        ("POST", "", True),
        ("POST", "application/json", True),
        ("POST", "application/graphql-response+json; charset=utf-8, */*;q=0.5", True),
        ("POST", "multipart/mixed", False),
        ("POST", "text/event-stream", False),
        ("POST", "application/json, text/plain", False),
        ("GET", "application/json", False),
    ],
)
def test_only_a_post_asking_for_one_json_answer_takes_the_lane(
    method: str, accept: str, taken: bool
) -> None:
    headers = {"accept": accept} if accept else {}
    fields = {"query": "{ __typename }"}
    assert takes_post_lane({"method": method}, headers, fields) is taken
