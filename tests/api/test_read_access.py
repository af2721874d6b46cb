"""Reads are public by default; a setting makes them need a valid token."""

from __future__ import annotations

import httpx

from api.app import create_app
from cypher.embedded import EmbeddedFalkorDB
from tests.conftest import READER_TOKEN, app_settings, token_entries

QUERY = {"query": "{ graphInfo { nodeCount } }"}


async def test_reads_can_require_a_token(embedded: EmbeddedFalkorDB, graph_name: str) -> None:
    settings = app_settings(embedded, graph_name, tokens=token_entries(), reads_require_token=True)
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            anonymous = await http.post("/graphql", json=QUERY)
            assert anonymous.status_code == 401
            assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
            bad = await http.post("/graphql", json=QUERY, headers={"Authorization": "Bearer nope"})
            assert bad.status_code == 401
            ok = await http.post(
                "/graphql", json=QUERY, headers={"Authorization": f"Bearer {READER_TOKEN}"}
            )
            assert ok.status_code == 200
            assert ok.json()["data"]["graphInfo"]["nodeCount"] >= 0
