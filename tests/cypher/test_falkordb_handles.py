"""The FalkorDB store's calls take graph handles, each on a connection of its own, out of a set
of pool_size (cypher/falkordb_handles.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import redis

from cypher.embedded import EmbeddedFalkorDB
from cypher.errors import StoreError
from cypher.falkordb_store import FalkorDBStore
from cypher.registry import QUERIES_DIR
from tests.conftest import TEST_QUERIES


def _store(embedded: EmbeddedFalkorDB, graph_name: str, pool_size: int) -> FalkorDBStore:
    return FalkorDBStore(
        graph_name=graph_name,
        unix_socket=str(embedded.socket),
        pool_size=pool_size,
        query_dirs=(QUERIES_DIR, TEST_QUERIES),
    )


def _server_connections(embedded: EmbeddedFalkorDB) -> int:
    """Client connections the database holds open, not counting the one that asks."""
    with redis.Redis(unix_socket_path=str(embedded.socket)) as probe:
        return len(probe.client_list()) - 1


@pytest.fixture
async def three_handles(embedded: EmbeddedFalkorDB) -> AsyncIterator[FalkorDBStore]:
    store = _store(embedded, "handles", pool_size=3)
    yield store
    await store.drop_graph()
    await store.close()


async def test_concurrent_calls_beyond_the_pool_size_wait_their_turn_and_all_answer(
    three_handles: FalkorDBStore,
) -> None:
    results = await asyncio.gather(
        *(three_handles.read("echo_value", {"value": i}) for i in range(100))
    )
    assert [rows[0]["value"] for rows in results] == list(range(100))


async def test_the_store_opens_no_more_connections_than_its_pool_size(
    embedded: EmbeddedFalkorDB, three_handles: FalkorDBStore
) -> None:
    before = _server_connections(embedded)
    await asyncio.gather(*(three_handles.read("echo_value", {"value": i}) for i in range(100)))
    assert _server_connections(embedded) - before == 3
    await three_handles.close()
    assert _server_connections(embedded) == before


async def test_one_call_at_a_time_keeps_one_connection_open(
    embedded: EmbeddedFalkorDB, three_handles: FalkorDBStore
) -> None:
    before = _server_connections(embedded)
    for i in range(20):
        assert await three_handles.read("echo_value", {"value": i}) == [{"value": i}]
    assert _server_connections(embedded) - before == 1


async def test_a_call_that_fails_gives_its_handle_back(embedded: EmbeddedFalkorDB) -> None:
    store = _store(embedded, "one-handle", pool_size=1)
    try:
        with pytest.raises(StoreError):
            await store.read_text("broken", "RETURN nothing_here AS value", {})
        # With one handle, a handle kept by the failed call would make this wait for ever.
        async with asyncio.timeout(10):
            assert await store.read("echo_value", {"value": 1}) == [{"value": 1}]
    finally:
        await store.close()
