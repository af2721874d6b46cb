"""What one statement costs on the wire: the store's messages pass through a relay that counts
each time the client speaks after the database has answered (an exchange, one network round
trip). On FalkorDB a statement is one command and its reply; on Neo4j a managed transaction
sends BEGIN with the statement and then COMMIT, two exchanges (a session's `execute_read`
waits for BEGIN's answer before it sends the statement: three)."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from cypher.embedded import EmbeddedFalkorDB
from cypher.falkordb_store import FalkorDBStore
from cypher.neo4j_store import Neo4jStore
from cypher.registry import QUERIES_DIR
from cypher.store import GraphStore
from tests.conftest import NEO4J_URL, TEST_QUERIES, _neo4j_credentials, wipe

EXCHANGES_PER_STATEMENT = {"falkordb": 1, "neo4j": 2}
Streams = tuple[asyncio.StreamReader, asyncio.StreamWriter]


class CountingRelay:
    """Forwards bytes both ways between clients and the database and counts exchanges.

    It runs its own event loop in a thread: a client may block its own loop while it connects
    (the FalkorDB client's constructor does)."""

    def __init__(self, connect: Callable[[], Awaitable[Streams]]) -> None:
        self._connect = connect
        self.exchanges = 0
        self._last_speaker = "database"
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def listen(self, start: Callable[..., Awaitable[asyncio.Server]], *args: Any) -> asyncio.Server:
        """Starts a server, `start(handler, *args)`, on the relay's loop."""
        return asyncio.run_coroutine_threadsafe(start(self._serve, *args), self._loop).result()

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await self._connect()
        pumps = (
            asyncio.ensure_future(self._pump(reader, up_writer, "client")),
            asyncio.ensure_future(self._pump(up_reader, writer, "database")),
        )
        await asyncio.wait(pumps, return_when=asyncio.FIRST_COMPLETED)
        for pump in pumps:
            pump.cancel()
        writer.close()
        up_writer.close()

    async def _pump(
        self, source: asyncio.StreamReader, sink: asyncio.StreamWriter, speaker: str
    ) -> None:
        while data := await source.read(65536):
            if speaker == "client" and self._last_speaker == "database":
                self.exchanges += 1
            self._last_speaker = speaker  # set before forwarding: the answer comes after
            sink.write(data)
            await sink.drain()


@pytest.fixture
async def relayed_store(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> AsyncIterator[tuple[GraphStore, CountingRelay]]:
    dirs = (QUERIES_DIR, TEST_QUERIES)
    socket_dir = tempfile.mkdtemp(prefix="jcm-relay-", dir="/tmp")  # unix paths are short
    store: GraphStore
    if NEO4J_URL:
        target = urlsplit(NEO4J_URL)
        relay = CountingRelay(lambda: asyncio.open_connection(target.hostname, target.port))
        server = relay.listen(asyncio.start_server, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        url = f"bolt://127.0.0.1:{port}"
        store = Neo4jStore(url=url, **_neo4j_credentials(), query_dirs=dirs)
    else:
        relay = CountingRelay(lambda: asyncio.open_unix_connection(str(embedded.socket)))
        path = str(Path(socket_dir) / "relay.sock")
        relay.listen(asyncio.start_unix_server, path)
        store = FalkorDBStore(graph_name=graph_name, unix_socket=path, query_dirs=dirs)
    yield store, relay
    await wipe(store)
    await store.close()
    relay.stop()
    shutil.rmtree(socket_dir, ignore_errors=True)


async def test_a_read_statement_costs_its_store_one_or_two_exchanges(
    relayed_store: tuple[GraphStore, CountingRelay],
) -> None:
    store, relay = relayed_store
    assert await store.read("echo_value", {"value": 0}) == [{"value": 0}]  # connects
    relay.exchanges = 0
    for value in range(1, 4):
        assert await store.read("echo_value", {"value": value}) == [{"value": value}]
    assert relay.exchanges == 3 * EXCHANGES_PER_STATEMENT[store.backend]


async def test_a_write_costs_two_statements_its_own_and_the_version_bump(
    relayed_store: tuple[GraphStore, CountingRelay],
) -> None:
    store, relay = relayed_store
    await store.write("create_many_probes", {"n": 1})  # connects
    relay.exchanges = 0
    await store.write("create_many_probes", {"n": 2})
    assert relay.exchanges == 2 * EXCHANGES_PER_STATEMENT[store.backend]
