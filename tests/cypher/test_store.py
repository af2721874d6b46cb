"""The store port behaves the same whichever database is behind it."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from cypher.embedded import EmbeddedFalkorDB
from cypher.errors import QueryNotFound, QueryTimeout, StoreError
from cypher.falkordb_store import FalkorDBStore
from cypher.registry import QUERIES_DIR
from cypher.store import GraphStore, counting_round_trips
from tests.conftest import TEST_QUERIES


@pytest.mark.parametrize(
    "value",
    [
        'Viet Nam — ベトナム "quoted" back\\slash\nnew line',
        "",
        42,
        -(2**53),
        3.25,
        True,
        False,
        None,
        [1, "two", 3.5, None, [True]],
        {"code": "JP", "nested": {"n": 1, "list": ["a"]}, "with-dash": 1},
        [],
        {},
    ],
)
async def test_parameter_round_trips_unchanged(store: GraphStore, value: object) -> None:
    rows = await store.read("echo_value", {"value": value})
    assert rows == [{"value": value}]


async def test_date_parameter_comes_back_as_a_date(store: GraphStore) -> None:
    rows = await store.read("echo_date", {"on": dt.date(2016, 5, 13)})
    assert rows == [{"on": dt.date(2016, 5, 13), "year": 2016}]


async def test_dates_nested_in_lists_and_maps_come_back_as_dates(store: GraphStore) -> None:
    rows = await store.read("echo_nested_date", {"on": dt.date(2016, 5, 13)})
    assert rows == [
        {"listed": [{"on": dt.date(2016, 5, 13)}], "mapped": {"inner": [dt.date(2016, 5, 13), 1]}}
    ]
    assert type(rows[0]["listed"][0]["on"]) is dt.date
    assert type(rows[0]["mapped"]["inner"][0]) is dt.date


async def test_syntax_error_names_the_query_and_the_store_keeps_working(
    store: GraphStore,
) -> None:
    with pytest.raises(StoreError) as caught:
        await store.read("broken_syntax")
    assert caught.value.query == "broken_syntax"
    assert "broken_syntax" in str(caught.value)
    assert await store.read("echo_value", {"value": 1}) == [{"value": 1}]


async def test_unknown_query_name_is_refused_before_reaching_the_database(
    store: GraphStore,
) -> None:
    with pytest.raises(QueryNotFound) as caught:
        await store.read("no_such_query")
    assert caught.value.query == "no_such_query"


async def test_write_failing_half_way_leaves_nothing_behind(store: GraphStore) -> None:
    with pytest.raises(StoreError):
        await store.write("create_probes_then_fail", {"items": [1, 2, 0, 4]})
    assert await store.read("count_probes") == [{"probes": 0}]
    await store.write("create_probe", {"item": 7})
    assert await store.read("count_probes") == [{"probes": 1}]


async def test_migrations_run_twice_and_the_second_run_creates_nothing(
    store: GraphStore,
) -> None:
    if store.dialect == "neo4j":
        await store.write("drop_country_key")
    first = await store.migrate()
    assert any("Country" in name or "country" in name for name in first)
    assert await store.migrate() == []


async def test_making_the_holder_index_gives_older_blocks_their_holder(
    store: GraphStore,
) -> None:
    # A graph written before blocks kept `holder` lacks its index too: migrate() makes the
    # index and then sets every block's holder from its HELD_IN account.
    if store.dialect == "neo4j":
        await store.write("drop_block_holder_index")
    await store.write("create_blocks_without_holder", {"account": "ACC", "n": 3})
    created = await store.migrate()
    assert "backfill_block_holders: 3 nodes" in created
    holders = await store.read("block_holders")
    assert holders == [{"id": f"ACC/{i}", "holder": "ACC"} for i in (1, 2, 3)]
    assert not [line for line in await store.migrate() if "backfill" in line]


async def test_a_backfill_runs_batch_by_batch_until_none_is_left(store: GraphStore) -> None:
    await store.write("create_blocks_without_holder", {"account": "ACC", "n": 5})
    assert await store.backfill("backfill_block_holders", batch=2) == 5
    assert {row["holder"] for row in await store.read("block_holders")} == {"ACC"}
    assert await store.backfill("backfill_block_holders", batch=2) == 0


async def test_200_concurrent_reads_complete_without_pool_errors(store: GraphStore) -> None:
    results = await asyncio.gather(*(store.read("echo_value", {"value": i}) for i in range(200)))
    assert [rows[0]["value"] for rows in results] == list(range(200))


async def test_round_trips_are_counted_per_block(store: GraphStore) -> None:
    with counting_round_trips() as trips:
        await store.read("echo_value", {"value": 1})
        await store.read("echo_value", {"value": 2})
    assert trips[0] == 2


async def test_a_query_past_the_time_limit_is_stopped_and_the_store_keeps_working(
    store: GraphStore,
) -> None:
    await store.write("create_many_probes", {"n": 1000})
    store.timeout_ms = 300
    with pytest.raises(QueryTimeout):
        await store.read("probe_triples")
    assert await store.read("echo_value", {"value": 1}) == [{"value": 1}]


def test_the_falkordb_client_waits_longer_than_the_query_time_limit(
    embedded: EmbeddedFalkorDB,
) -> None:
    # redis-py's own default would give up after 5 s whatever JCM_QUERY_TIMEOUT_MS says.
    store = FalkorDBStore(graph_name="t", unix_socket=str(embedded.socket), timeout_ms=30_000)
    assert store.client_deadline_s > 30
    assert store._pool.connection_kwargs["socket_timeout"] is None


async def test_a_falkordb_call_past_the_client_deadline_is_a_timeout_and_drops_its_connection(
    embedded: EmbeddedFalkorDB,
) -> None:
    # One connection: were the cancelled one reused, the next read would get the old answer.
    store = FalkorDBStore(
        graph_name="deadline",
        unix_socket=str(embedded.socket),
        timeout_ms=2_000,
        pool_size=1,
        query_dirs=(QUERIES_DIR, TEST_QUERIES),
    )
    try:
        await store.write("create_many_probes", {"n": 400})
        store.client_deadline_s = 0.05
        with pytest.raises(QueryTimeout):
            await store.read("probe_triples")
        store.client_deadline_s = 30
        assert await store.read("echo_value", {"value": 7}) == [{"value": 7}]
        assert await store.read("echo_value", {"value": 8}) == [{"value": 8}]
    finally:
        await store.drop_graph()
        await store.close()
