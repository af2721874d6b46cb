"""No N+1: the database round trips of a request depend on its shape, not its list lengths."""

from __future__ import annotations

import httpx
import pytest

from api.app import create_app
from cypher.embedded import EmbeddedFalkorDB
from seed.synthetic import synthetic_graph
from seed.writer import write_payload
from tests.conftest import app_settings, wipe

THREE_LEVELS = """query($refs: [String!]) {
  projects(first: 100, filter: {refs: $refs}) { totalCount nodes {
    ref sources { url }
    hostCountry { name partnerships { key countries { code } } }
    technologies { key sectors { key technologies { key } } }
    participants { role organization { name country { code } accounts { key } } }
    funding { amount programme { key administrators { organization { key } } } }
    issuances { key series { key blocks(first: 5) { nodes { key account { key } } } } }
  } } }"""


@pytest.fixture(scope="module")
async def synthetic_client(embedded: EmbeddedFalkorDB) -> httpx.AsyncClient:
    # The query is priced far over the anonymous budget on purpose (three levels of lists
    # over 100 projects); the budget is the cost limit's business, not this test's.
    settings = app_settings(embedded, "batching", seed_if_empty=True, max_cost_anonymous=10**6)
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        await write_payload(app.state.store, synthetic_graph(50, seed=11))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            yield http
        await wipe(app.state.store)


async def round_trips(http: httpx.AsyncClient, count: int) -> int:
    refs = [f"SYN-{i:05d}" for i in range(1, count + 1)]
    response = await http.post(
        "/graphql", json={"query": THREE_LEVELS, "variables": {"refs": refs}}
    )
    body = response.json()
    assert "errors" not in body, body
    assert len(body["data"]["projects"]["nodes"]) == count
    return int(response.headers["x-db-round-trips"])


async def test_same_query_costs_the_same_round_trips_for_5_and_50_projects(
    synthetic_client: httpx.AsyncClient,
) -> None:
    five = await round_trips(synthetic_client, 5)
    fifty = await round_trips(synthetic_client, 50)
    assert five == fifty, (five, fifty)
    # One per list or relationship field in the query (+1 for totalCount), nothing per object.
    assert five <= 22
