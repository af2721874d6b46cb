"""The cost limit: every request is priced before any database work, and one that costs more
than the caller's budget is refused with LIMIT_EXCEEDED, its cost and the budget."""

from __future__ import annotations

import asyncio
import time

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema import query_cost
from tests.conftest import READER_TOKEN, data, gql, gql_as

COUNT = "query($f: ProjectFilter) { projects(filter: $f) { totalCount } }"


def nested_not(depth: int) -> dict:
    tree: dict = {"status": ["PIN"]}
    for _ in range(depth):
        tree = {"NOT": tree}
    return tree


def error(body: dict) -> dict:
    assert body.get("errors"), body
    return body["errors"][0]


async def test_a_deeply_nested_filter_is_refused_before_the_database_and_the_server_answers_at_once(
    seeded_client: httpx.AsyncClient,
) -> None:
    trips = []
    for depth in (14, 50):
        response = await seeded_client.post(
            "/graphql", json={"query": COUNT, "variables": {"f": nested_not(depth)}}
        )
        trips.append(response.headers["x-db-round-trips"])
        refused = error(response.json())
        assert refused["extensions"]["code"] == "LIMIT_EXCEEDED"
        assert refused["extensions"]["limit"] == "filterDepth"
        assert "nests" in refused["message"]
        assert "at most 6" in refused["message"]
    assert trips == ["0", "0"]
    # The same nesting written into the document is refused the same way.
    literal = (
        "{ projects(filter: " + "{NOT: " * 14 + "{status: [PIN]}" + "}" * 14 + ") { totalCount } }"
    )
    assert error(await gql(seeded_client, literal))["extensions"]["limit"] == "filterDepth"
    body = await gql(seeded_client, COUNT, f={"status": ["REGISTERED"]})
    assert data(body)["projects"]["totalCount"] > 0


async def test_a_filter_with_too_many_conditions_is_refused(
    seeded_client: httpx.AsyncClient,
) -> None:
    wide = {"OR": [{"status": ["PIN"]} for _ in range(80)]}
    refused = error(await gql(seeded_client, COUNT, f=wide))
    assert refused["extensions"] == {
        "code": "LIMIT_EXCEEDED",
        "limit": "filterSize",
        "max": 60,
    }


async def test_a_list_argument_longer_than_the_limit_is_refused(
    seeded_client: httpx.AsyncClient,
) -> None:
    refused = error(await gql(seeded_client, COUNT, f={"refs": [f"X{i}" for i in range(500)]}))
    assert refused["extensions"]["limit"] == "listArgument"
    assert "500 items" in refused["message"]


NESTED_PAGES = """{ projects(first: 100) { nodes { ref participants { organization {
  projects(first: 20) { nodes { ref hostCountry { name } } } } } } } }"""


async def test_nested_pages_multiply_into_a_cost_over_the_anonymous_budget(
    seeded_client: httpx.AsyncClient,
) -> None:
    response = await seeded_client.post("/graphql", json={"query": NESTED_PAGES})
    refused = error(response.json())
    assert refused["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert refused["extensions"]["limit"] == "cost"
    assert refused["extensions"]["cost"] > refused["extensions"]["budget"] == 20_000
    assert "over the budget of 20000 for an anonymous caller" in refused["message"]
    assert response.headers["x-db-round-trips"] == "0"


async def test_a_caller_with_a_token_has_the_larger_budget(
    ledger_client: httpx.AsyncClient,
) -> None:
    body = await gql_as(ledger_client, READER_TOKEN, NESTED_PAGES)
    assert "errors" not in body, body["errors"]
    assert len(body["data"]["projects"]["nodes"]) > 0


async def test_aliased_introspection_counts_against_the_budget_and_the_alias_limit(
    seeded_client: httpx.AsyncClient,
) -> None:
    many = "{ " + " ".join(f"s{i}: __schema {{ types {{ name }} }}" for i in range(25)) + " }"
    refused = error(await gql(seeded_client, many))
    assert refused["extensions"]["limit"] == "cost"
    aliases = "{ " + " ".join(f"t{i}: __typename" for i in range(40)) + " }"
    assert error(await gql(seeded_client, aliases))["extensions"]["limit"] == "aliases"


FILTER_LEAVES = st.sampled_from(
    [
        {"status": ["PIN"]},
        {"status": ["REGISTERED", "PIN"]},
        {"asean": True},
        {"hostCountries": ["TH", "ID"]},
        {"registeredFrom": "2015-01-01"},
        {"hasIssuance": True},
    ]
)
FILTER_TREES = st.recursive(
    FILTER_LEAVES,
    lambda inner: st.one_of(
        st.builds(lambda t: {"NOT": t}, inner),
        st.builds(lambda ts: {"AND": ts}, st.lists(inner, min_size=1, max_size=4)),
        st.builds(lambda ts: {"OR": ts}, st.lists(inner, min_size=1, max_size=4)),
    ),
    max_leaves=40,
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(tree=FILTER_TREES)
async def test_every_filter_tree_is_refused_by_the_limit_or_answered_within_the_time_limit(
    seeded_client: httpx.AsyncClient, tree: dict
) -> None:
    started = time.monotonic()
    body = await asyncio.wait_for(gql(seeded_client, COUNT, f=tree), timeout=60)
    if "errors" in body:
        assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED", body["errors"]
        return
    assert isinstance(body["data"]["projects"]["totalCount"], int)
    # Answered: so within the database's time limit (a timeout would be LIMIT_EXCEEDED too).
    assert time.monotonic() - started < 60


async def test_the_same_query_is_priced_for_the_variables_it_comes_with(
    seeded_client: httpx.AsyncClient,
) -> None:
    # Costs are remembered per query text and variables: a cheap request first must not let
    # the same text through with variables that make it expensive, nor the other way round.
    query = """query($n: Int!) { projects(first: $n) { nodes { ref
        participants { organization { projects(first: $n) { nodes { ref } } } } } } }"""
    for _ in range(2):
        cheap = await seeded_client.post("/graphql", json={"query": query, "variables": {"n": 2}})
        assert "errors" not in cheap.json(), cheap.json()
        dear = await seeded_client.post("/graphql", json={"query": query, "variables": {"n": 100}})
        refused = error(dear.json())
        assert refused["extensions"]["limit"] == "cost"
        assert dear.headers["x-db-round-trips"] == "0"


async def test_a_lookup_of_another_key_is_not_priced_again(
    seeded_client: httpx.AsyncClient,
) -> None:
    # Texts never change a cost: the price of one project's lookup serves every other's.
    query = "query($ref: String!) { project(ref: $ref) { ref hostCountry { code } } } # priced"
    before = len(query_cost._COSTS._kept)
    for ref in ("KH005", "X-VN-01", "NO-SUCH-REF"):
        body = await gql(seeded_client, query, ref=ref)
        assert "errors" not in body or body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert len(query_cost._COSTS._kept) == before + 1


async def test_variables_that_do_not_fit_never_lower_the_price_of_ones_that_do(
    seeded_client: httpx.AsyncClient,
) -> None:
    # Whether a text fits (an enum value here) depends on the text: a request whose variables
    # do not fit is priced at nothing, and that must not be remembered for the texts that fit.
    query = """query($status: [ProjectStatus!]) { projects(first: 100, filter: {status: $status})
      { nodes { ref participants { organization { projects(first: 20) { nodes { ref } } } } } } }"""
    wrong = error(await gql(seeded_client, query, status=["NO_SUCH_STATUS"]))
    assert wrong["extensions"]["code"] == "BAD_USER_INPUT"
    refused = error(await gql(seeded_client, query, status=["REGISTERED"]))
    assert refused["extensions"]["limit"] == "cost"
