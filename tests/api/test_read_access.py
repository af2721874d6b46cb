"""Reads are public by default; a setting makes them need a valid token."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

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


DATA_ROUTES = [
    "/export/cadt-v2/projects.csv",
    "/export/cadt-v2/units.csv",
    "/export/graph.json",
    "/aef/TH/2025/actions.csv",
]


async def test_reads_needing_a_token_cover_the_exports_and_aef_downloads(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    settings = app_settings(
        embedded,
        graph_name,
        tokens=token_entries(),
        reads_require_token=True,
        seed_if_empty=True,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            for route in DATA_ROUTES:
                anonymous = await http.get(route)
                assert anonymous.status_code == 401, route
                assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
                bad = await http.get(route, headers={"Authorization": "Bearer nope"})
                assert bad.status_code == 401, route
                ok = await http.get(route, headers={"Authorization": f"Bearer {READER_TOKEN}"})
                assert ok.status_code == 200, route


@contextmanager
def websocket_to_an_app_needing_tokens(embedded: EmbeddedFalkorDB, graph_name: str) -> Iterator:
    """A graphql-transport-ws connection to an app whose reads need a token."""
    from starlette.testclient import TestClient

    settings = app_settings(embedded, graph_name, tokens=token_entries(), reads_require_token=True)
    with (
        TestClient(create_app(settings)) as test_client,
        test_client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws,
    ):
        yield ws


async def test_an_anonymous_subscription_is_refused_when_reads_need_a_token(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    from starlette.websockets import WebSocketDisconnect

    with websocket_to_an_app_needing_tokens(embedded, graph_name) as ws:
        ws.send_json({"type": "connection_init"})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
        assert closed.value.code == 4403


async def test_a_subscription_may_present_its_token_in_connection_init(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    with websocket_to_an_app_needing_tokens(embedded, graph_name) as ws:
        ws.send_json(
            {"type": "connection_init", "payload": {"Authorization": f"Bearer {READER_TOKEN}"}}
        )
        assert ws.receive_json()["type"] == "connection_ack"
