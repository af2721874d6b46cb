"""`make serve` starts the API with the JCM data loaded into an empty graph."""

from __future__ import annotations

import httpx

from api.app import create_app
from cypher.embedded import EmbeddedFalkorDB
from seed.seed_files import read_seed
from tests.conftest import app_settings, new_store, wipe

QUERY = {"query": "{ graphInfo { nodeCount labels { label count } } }"}


async def test_empty_graph_is_seeded_at_start_and_left_alone_after(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    app = create_app(app_settings(embedded, graph_name, seed_if_empty=True))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            info = (await http.post("/graphql", json=QUERY)).json()["data"]["graphInfo"]
    labels = {x["label"]: x["count"] for x in info["labels"]}
    assert labels["Methodology"] == len(read_seed()["methodologies.json"])
    assert labels["Partnership"] == 30
    await wipe_graph(embedded, graph_name)


async def test_graph_with_data_is_not_seeded_at_start(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    store = new_store(embedded, graph_name)
    await wipe(store)
    await store.write("create_probe", {"item": 1})
    app = create_app(app_settings(embedded, graph_name, seed_if_empty=True))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            info = (await http.post("/graphql", json=QUERY)).json()["data"]["graphInfo"]
    assert info["nodeCount"] == 1
    await wipe(store)
    await store.close()


async def wipe_graph(embedded: EmbeddedFalkorDB, graph_name: str) -> None:
    store = new_store(embedded, graph_name)
    await wipe(store)
    await store.close()
