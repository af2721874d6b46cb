"""The FalkorDB store reads the database's compact replies itself (cypher/falkordb_replies.py):
every value a query returns comes back as plain Python (tests/cypher/test_store.py holds the
values both stores share), and what no query may return is refused with a message that says
what to return instead."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest

from cypher.embedded import EmbeddedFalkorDB
from cypher.errors import StoreError
from cypher.store import GraphStore
from tests.conftest import new_store, wipe


@pytest.fixture
async def falkordb(embedded: EmbeddedFalkorDB) -> AsyncIterator[GraphStore]:
    store = new_store(embedded, "replies", url=None)
    yield store
    await wipe(store)
    await store.close()


async def test_a_local_date_time_and_a_local_time_come_back_as_python_values(
    falkordb: GraphStore,
) -> None:
    rows = await falkordb.read("echo_temporal", {"at": "1960-05-06T07:08:09", "time": "07:08:09"})
    assert rows == [
        {"at": dt.datetime(1960, 5, 6, 7, 8, 9, tzinfo=dt.UTC), "time": dt.time(7, 8, 9)}
    ]


async def test_a_node_returned_whole_is_refused_and_the_store_keeps_working(
    falkordb: GraphStore,
) -> None:
    with pytest.raises(StoreError, match=r"must return maps \(n \{\.\*\}\)"):
        await falkordb.write("return_a_node", {"item": 1})
    assert await falkordb.read("echo_value", {"value": 2}) == [{"value": 2}]


async def test_a_duration_is_refused_with_what_to_return_instead(falkordb: GraphStore) -> None:
    with pytest.raises(StoreError, match="as a string"):
        await falkordb.read("echo_duration", {"length": "P1D"})


async def test_a_statement_that_returns_nothing_gives_no_rows(falkordb: GraphStore) -> None:
    assert await falkordb.write("create_probe_silently", {"item": 3}) == []
    assert await falkordb.read("count_probes") == [{"probes": 1}]
