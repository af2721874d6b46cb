"""CORS: only the configured origins may call the API from a browser."""

from __future__ import annotations

import httpx

from api.app import create_app
from cypher.embedded import EmbeddedFalkorDB
from tests.conftest import app_settings


async def test_allowed_origin_gets_cors_headers_and_others_do_not(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    app = create_app(app_settings(embedded, graph_name, cors_origins=["https://app.example"]))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            preflight = {
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            }
            ok = await http.options(
                "/graphql", headers={"Origin": "https://app.example", **preflight}
            )
            assert ok.status_code == 200
            assert ok.headers["access-control-allow-origin"] == "https://app.example"
            denied = await http.options(
                "/graphql", headers={"Origin": "https://evil.example", **preflight}
            )
            assert "access-control-allow-origin" not in denied.headers
            simple = await http.post(
                "/graphql",
                json={"query": "{ graphInfo { nodeCount } }"},
                headers={"Origin": "https://app.example"},
            )
            assert simple.headers["access-control-allow-origin"] == "https://app.example"
