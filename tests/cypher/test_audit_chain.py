"""Finding the audit chain's head: by the seq index from the newest seq seen, and right
however the log changed since (another process's writes, a log emptied and written again)."""

from __future__ import annotations

from cypher.audit_chain import Head, read_head
from cypher.store import GraphStore
from tests.conftest import new_store, wipe


async def append(store: GraphStore, seqs: range, tag: str = "h") -> None:
    rows = [{"seq": seq, "hash": f"{tag}{seq}"} for seq in seqs]
    await store.write("restore_events", {"rows": rows})


def read_queries(store: GraphStore) -> list[str]:
    names: list[str] = []
    store.observer = lambda name, _seconds, _outcome, _rows: names.append(name)
    return names


async def test_an_empty_log_has_no_head(store: GraphStore) -> None:
    assert await read_head(store) is None


async def test_the_head_is_the_newest_event_as_the_log_grows(store: GraphStore) -> None:
    await store.migrate()
    await append(store, range(1, 4))
    assert await read_head(store) == Head(3, "h3")
    await append(store, range(4, 11))
    assert await read_head(store) == Head(10, "h10")


async def test_a_head_read_after_the_first_is_one_query_by_the_seq_index(
    store: GraphStore,
) -> None:
    await store.migrate()
    await append(store, range(1, 6))
    await read_head(store)
    names = read_queries(store)
    await append(store, range(6, 8))
    names.clear()
    assert await read_head(store) == Head(7, "h7")
    assert names == ["audit_head_from"]


async def test_events_another_store_appended_are_seen(
    store: GraphStore, embedded, graph_name
) -> None:
    """Each worker process has its own store: the head one of them read is only a hint."""
    await store.migrate()
    await append(store, range(1, 4))
    other = new_store(embedded, graph_name)
    try:
        assert await read_head(other) == Head(3, "h3")
        await append(store, range(4, 9))
        assert await read_head(other) == Head(8, "h8")
    finally:
        await other.close()


async def test_a_log_emptied_and_written_again_is_found(store: GraphStore) -> None:
    await store.migrate()
    await append(store, range(1, 11))
    assert await read_head(store) == Head(10, "h10")
    await wipe(store)
    assert await read_head(store) is None
    await append(store, range(1, 3), tag="again")
    assert await read_head(store) == Head(2, "again2")
