"""The change feed: `registryEvents` over graphql-transport-ws, in order, resumable."""

from __future__ import annotations

import asyncio

from starlette.testclient import TestClient

from api.app import create_app
from cypher.embedded import EmbeddedFalkorDB
from tests.conftest import WRITER_TOKEN, app_settings, new_store, token_entries, wipe

TRANSFER = """mutation { transferCredits(toAccount: "JP-GOJ-HOLDING",
  input: {fromAccount: "JP-MAYEKAWA-HOLDING", quantity: 1}) { eventSeq } }"""
BACK = """mutation { transferCredits(toAccount: "JP-MAYEKAWA-HOLDING",
  input: {fromAccount: "JP-GOJ-HOLDING", quantity: 1}) { eventSeq } }"""
SUBSCRIBE = "subscription($after: Int!) { registryEvents(afterSeq: $after) { seq action hash } }"


def write(client: TestClient, query: str) -> int:
    response = client.post(
        "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {WRITER_TOKEN}"}
    )
    return response.json()["data"]["transferCredits"]["eventSeq"]


def subscribe(ws, after: int) -> None:
    ws.send_json({"type": "connection_init"})
    assert ws.receive_json()["type"] == "connection_ack"
    ws.send_json(
        {
            "id": "feed",
            "type": "subscribe",
            "payload": {"query": SUBSCRIBE, "variables": {"after": after}},
        }
    )


def next_seq(ws) -> int:
    message = ws.receive_json()
    assert message["type"] == "next", message
    return message["payload"]["data"]["registryEvents"]["seq"]


def test_feed_streams_events_in_order_and_resumes_from_a_seq(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    app = create_app(app_settings(embedded, graph_name, seed_if_empty=True, tokens=token_entries()))
    try:
        with TestClient(app) as client:
            assert [write(client, TRANSFER), write(client, BACK), write(client, TRANSFER)] == [
                1,
                2,
                3,
            ]
            with client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws:
                subscribe(ws, after=0)
                assert [next_seq(ws) for _ in range(3)] == [1, 2, 3]
                write(client, BACK)  # committed while subscribed: streamed live
                assert next_seq(ws) == 4
            with client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws:
                subscribe(ws, after=2)  # a client resuming after seq 2
                assert [next_seq(ws) for _ in range(2)] == [3, 4]
    finally:
        asyncio.run(clean(embedded, graph_name))


async def clean(embedded: EmbeddedFalkorDB, graph_name: str) -> None:
    store = new_store(embedded, graph_name)
    await wipe(store)
    await store.close()


def test_idle_subscriptions_share_one_watcher_of_the_event_log(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    import time
    from contextlib import ExitStack

    app = create_app(app_settings(embedded, graph_name, seed_if_empty=True, tokens=token_entries()))
    try:
        with TestClient(app) as client, ExitStack() as stack:
            sockets = [
                stack.enter_context(
                    client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"])
                )
                for _ in range(8)
            ]
            for ws in sockets:
                subscribe(ws, after=0)
            time.sleep(0.5)  # every subscription has read the (empty) log once
            store = app.state.store
            before = store.round_trips
            time.sleep(2.0)
            idle = store.round_trips - before
            # One watcher polls every 0.25 s: about 8 reads in 2 s, whatever the number of
            # subscriptions (8 polling subscriptions would make about 64).
            assert idle <= 16, idle
            seq = write(client, TRANSFER)
            assert [next_seq(ws) for ws in sockets] == [seq] * 8
    finally:
        asyncio.run(clean(embedded, graph_name))


def test_subscriptions_beyond_the_limit_are_refused(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    from contextlib import ExitStack

    settings = app_settings(embedded, graph_name, tokens=token_entries(), max_subscriptions=2)
    try:
        with TestClient(create_app(settings)) as client, ExitStack() as stack:
            opened = [
                stack.enter_context(
                    client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"])
                )
                for _ in range(3)
            ]
            for ws in opened:
                subscribe(ws, after=0)
            refused = opened[2].receive_json()
            assert refused["type"] in ("error", "next"), refused
            errors = (
                refused["payload"] if refused["type"] == "error" else refused["payload"]["errors"]
            )
            assert errors[0]["extensions"]["code"] == "LIMIT_EXCEEDED", refused
            assert "limit of 2 subscriptions" in errors[0]["message"]
    finally:
        asyncio.run(clean(embedded, graph_name))
