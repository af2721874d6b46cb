"""The real server: `jcm serve` under uvicorn, queried over TCP on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from cypher.embedded import EmbeddedFalkorDB
from tests.conftest import NEO4J_AUTH, NEO4J_URL


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def jcm_serve(
    embedded: EmbeddedFalkorDB, graph_name: str, *args: str, **settings: str
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`jcm serve ARGS` on a free loopback port of the suite's store, with JCM_ settings;
    yields its base URL and process once it is ready, and stops it afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "JCM_DATA_DIR": str(embedded.data_dir),
        "JCM_GRAPH_NAME": graph_name,
        "JCM_PORT": str(port),
        **{f"JCM_{k.upper()}": v for k, v in settings.items()},
    }
    if NEO4J_URL:
        env |= {"JCM_GRAPH_URL": NEO4J_URL, "JCM_NEO4J_PASSWORD": NEO4J_AUTH["neo4j_password"]}
    server = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, server.stdout.read().decode()  # type: ignore[union-attr]
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not become ready"
            time.sleep(0.2)
        yield base, server
    finally:
        if server.poll() is None:
            server.terminate()
        server.wait(timeout=30)


def test_jcm_serve_answers_graphql_over_tcp(embedded: EmbeddedFalkorDB, graph_name: str) -> None:
    with jcm_serve(embedded, graph_name) as (base, _):
        response = httpx.post(
            f"{base}/graphql", json={"query": "{ graphInfo { backend nodeCount } }"}, timeout=10
        )
        assert response.status_code == 200
        assert response.json()["data"]["graphInfo"]["nodeCount"] >= 0
    # The server did not own the database it found running: it must leave it running.
    if not NEO4J_URL:
        assert embedded.status().running


def test_jcm_serve_runs_worker_processes_that_share_the_database(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    with jcm_serve(embedded, graph_name, "--workers", "2", "--seed-if-empty") as (base, server):
        query = {"query": "{ countries { totalCount } }"}
        totals = {
            httpx.post(f"{base}/graphql", json=query, timeout=10).json()["data"]["countries"][
                "totalCount"
            ]
            for _ in range(20)
        }
        assert len(totals) == 1
        assert totals.pop() > 0  # seeded once, before the workers started
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert output.count("Started server process") == 2, output
