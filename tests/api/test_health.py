"""Liveness and readiness, including a database that goes away and comes back."""

from __future__ import annotations

import httpx

from api.app import create_app
from cypher.embedded import EmbeddedFalkorDB
from tests.conftest import NEO4J_URL, app_settings


async def test_healthz_says_the_process_is_alive(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_200_when_the_database_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"


async def test_readyz_is_503_while_the_database_is_down_and_200_when_back(
    tmp_path_factory: object, graph_name: str
) -> None:
    if NEO4J_URL:
        return  # stopping the database is only possible for the embedded one
    import tempfile

    db = EmbeddedFalkorDB(tempfile.mkdtemp(prefix="jcm-rdy-", dir="/tmp"))
    db.start()
    app = create_app(app_settings(db, graph_name))
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
                assert (await http.get("/readyz")).status_code == 200
                db.stop()
                down = await http.get("/readyz")
                assert down.status_code == 503
                assert down.json()["status"] == "unavailable"
                assert down.json()["reason"]
                db.start()
                assert (await http.get("/readyz")).status_code == 200
                query = {"query": "{ graphInfo { nodeCount } }"}
                assert (await http.post("/graphql", json=query)).status_code == 200
    finally:
        db.stop()
