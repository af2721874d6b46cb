"""The change feed works across API processes: a write through one server reaches a
subscriber of another, because both read the same event log."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time

import httpx
import websockets

from cypher.embedded import EmbeddedFalkorDB
from tests.api.test_uvicorn_server import free_port
from tests.conftest import NEO4J_AUTH, NEO4J_URL, WRITER_TOKEN, new_store, token_entries, wipe

TRANSFER = """mutation { transferCredits(toAccount: "JP-GOJ-HOLDING",
  input: {fromAccount: "JP-MAYEKAWA-HOLDING", quantity: 1}) { eventSeq } }"""


def start(env: dict[str, str], port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )


def wait_ready(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"server on {port} did not become ready")


async def test_a_write_through_one_process_reaches_a_subscriber_of_another(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    env = {
        **os.environ,
        "JCM_DATA_DIR": str(embedded.data_dir),
        "JCM_GRAPH_NAME": graph_name,
        "JCM_SEED_IF_EMPTY": "true",
        "JCM_TOKENS": json.dumps(token_entries()),
        "JCM_LOG_LEVEL": "WARNING",
    }
    if NEO4J_URL:
        env |= {"JCM_GRAPH_URL": NEO4J_URL, "JCM_NEO4J_PASSWORD": NEO4J_AUTH["neo4j_password"]}
    reader_port, writer_port = free_port(), free_port()
    reader = start(env, reader_port)
    writer = None
    try:
        await asyncio.to_thread(wait_ready, reader_port)
        writer = start(env, writer_port)
        await asyncio.to_thread(wait_ready, writer_port)
        url = f"ws://127.0.0.1:{reader_port}/graphql"
        async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as ws:
            await ws.send(json.dumps({"type": "connection_init"}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
            await ws.send(
                json.dumps(
                    {
                        "id": "1",
                        "type": "subscribe",
                        "payload": {
                            "query": "subscription { registryEvents(afterSeq: 0) { seq action } }"
                        },
                    }
                )
            )
            async with httpx.AsyncClient() as http:
                response = await http.post(
                    f"http://127.0.0.1:{writer_port}/graphql",
                    json={"query": TRANSFER},
                    headers={"Authorization": f"Bearer {WRITER_TOKEN}"},
                )
            assert response.json()["data"]["transferCredits"]["eventSeq"] == 1
            message = json.loads(await asyncio.wait_for(ws.recv(), timeout=20))
            assert message["type"] == "next"
            assert message["payload"]["data"]["registryEvents"] == {"seq": 1, "action": "TRANSFER"}
    finally:
        for server in (reader, writer):
            if server is not None:
                server.terminate()
                server.wait(timeout=30)  # shutdown is bounded (timeout_graceful_shutdown)
        store = new_store(embedded, graph_name)
        await wipe(store)
        await store.close()
