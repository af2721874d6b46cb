"""Liveness and readiness, including a database that goes away and comes back."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from cypher.embedded import EmbeddedFalkorDB
from tests.api.test_uvicorn_server import free_port
from tests.conftest import NEO4J_URL, app_settings

NEO4J_SH = Path(__file__).parents[2] / "neo4j" / "neo4j.sh"


class LocalNeo4j:
    """A Neo4j server of this test's own (neo4j/neo4j.sh), so that it can be stopped."""

    def __init__(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="jcm-rdy-neo4j-", dir="/tmp")
        self.port = free_port()
        self.url = f"bolt://127.0.0.1:{self.port}"

    def start(self) -> None:
        subprocess.run([NEO4J_SH, "start", self.dir, str(self.port)], check=True, timeout=300)

    def stop(self) -> None:
        subprocess.run([NEO4J_SH, "stop", self.dir], check=True, timeout=120)


async def test_healthz_says_the_process_is_alive(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_200_when_the_database_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"
    expected = "Neo4j 5.26." if NEO4J_URL else "FalkorDB 4."
    assert response.json()["version"].startswith(expected)


async def test_graph_info_names_the_database_version(client: httpx.AsyncClient) -> None:
    query = {"query": "{ graphInfo { backend serverVersion } }"}
    info = (await client.post("/graphql", json=query)).json()["data"]["graphInfo"]
    if NEO4J_URL:
        assert info["backend"] == "neo4j"
        assert info["serverVersion"].startswith("Neo4j 5.26.")
        assert info["serverVersion"].endswith(" community")
    else:
        assert info["backend"] == "falkordb"
        assert info["serverVersion"].startswith("FalkorDB 4.")


async def test_readyz_is_503_while_the_database_is_down_and_200_when_back(
    tmp_path_factory: object, graph_name: str
) -> None:
    db: EmbeddedFalkorDB | LocalNeo4j
    if NEO4J_URL:
        db = LocalNeo4j()
        db.start()
        app = create_app(app_settings(EmbeddedFalkorDB(db.dir), graph_name, graph_url=db.url))
    else:
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


@asynccontextmanager
async def app_on_its_own_database(
    graph_name: str, **settings: object
) -> AsyncIterator[tuple[EmbeddedFalkorDB, httpx.AsyncClient]]:
    """An embedded FalkorDB of the test's own (so it can be killed or wedged), the app on it
    and a client of the app; the database is stopped afterwards."""
    db = EmbeddedFalkorDB(tempfile.mkdtemp(prefix="jcm-own-", dir="/tmp"))
    db.start()
    app = create_app(app_settings(db, graph_name, **settings))
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
                yield db, http
    finally:
        db.stop()


async def test_the_api_starts_a_killed_embedded_database_again(graph_name: str) -> None:
    if NEO4J_URL:
        pytest.skip("this is about the embedded database; the Neo4j half runs the other tests")
    query = {"query": "{ countries { totalCount } }"}
    async with app_on_its_own_database(graph_name, seed_if_empty=True) as (db, http):
        before = (await http.post("/graphql", json=query)).json()["data"]
        pid = db.status().pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        ready = False
        for _ in range(300):  # the watchdog looks every second
            await asyncio.sleep(0.1)
            if (await http.get("/readyz")).status_code == 200 and db.status().pid != pid:
                ready = True
                break
        assert ready, "the database was not started again"
        after = (await http.post("/graphql", json=query)).json()["data"]
        assert after == before  # the append-only file kept the data


async def test_readyz_says_not_ready_while_every_query_thread_is_busy(graph_name: str) -> None:
    if NEO4J_URL:
        pytest.skip("FalkorDB's fixed query threads are what this wedges; Neo4j has no such")
    from tests.conftest import new_store

    async with app_on_its_own_database(graph_name) as (db, http):
        busy = new_store(db, graph_name)
        busy.timeout_ms = 3500
        try:
            assert (await http.get("/readyz")).status_code == 200
            await busy.write("create_many_probes", {"n": 1000})
            # More slow queries than the database has threads (one per core): ping still
            # answers, but no query would.
            threads = 2 * (os.cpu_count() or 2)
            slow = [asyncio.ensure_future(busy.read("probe_triples")) for _ in range(threads)]
            await asyncio.sleep(0.5)
            wedged = await http.get("/readyz")
            assert wedged.status_code == 503
            assert "no answer to a query within 2 s" in wedged.json()["reason"]
            await asyncio.gather(*slow, return_exceptions=True)
            assert (await http.get("/readyz")).status_code == 200
        finally:
            await busy.close()
