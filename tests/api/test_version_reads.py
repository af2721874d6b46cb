"""The graph's version read once for the requests that ask together (api/version_reads.py): a
request shares only a read sent after it asked, so a write that returned before then is
always in its answer."""

from __future__ import annotations

import asyncio

import pytest

from api.version_reads import SharedVersionReads
from cypher.errors import StoreError
from cypher.store import GraphStore

BROKEN = "RETURN ("  # a statement both stores refuse


class HeldReads:
    """`store.version()`, each answer held until `release` is set: a read on its way for as
    long as a test needs one. `answered` is set once the store has answered the first."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.sent = 0
        self.broken = False
        self.answered = asyncio.Event()
        self.release = asyncio.Event()

    async def read(self) -> str:
        self.sent += 1
        if self.broken:
            await self.store.read_text("broken", BROKEN)
        version = await self.store.version()
        self.answered.set()
        await self.release.wait()
        return version


async def a_read_on_its_way(
    store: GraphStore,
) -> tuple[HeldReads, SharedVersionReads, asyncio.Task[str]]:
    """Shared reads of `store` with a first read on its way: answered by the store, not yet
    returned to its caller (the task)."""
    reads = HeldReads(store)
    shared = SharedVersionReads(reads.read)
    first = asyncio.create_task(shared.version())
    await reads.answered.wait()
    return reads, shared, first


async def asking(shared: SharedVersionReads, callers: int) -> list[asyncio.Task[str]]:
    """`callers` requests asking for the version, each as far as its first wait."""
    asked = [asyncio.create_task(shared.version()) for _ in range(callers)]
    await asyncio.sleep(0)
    return asked


async def move_version_on(store: GraphStore) -> str:
    await store.write("bump_graph_version", {"epoch": "test"})
    return await store.version()


async def test_with_no_read_on_its_way_a_request_reads_at_once(store: GraphStore) -> None:
    reads = HeldReads(store)
    reads.release.set()
    shared = SharedVersionReads(reads.read)
    assert await shared.version() == await store.version()
    written = await move_version_on(store)
    assert await shared.version() == written  # a read that has returned is never reused
    assert reads.sent == 2


async def test_a_request_arriving_while_a_read_is_on_its_way_waits_for_the_next(
    store: GraphStore,
) -> None:
    reads, shared, first = await a_read_on_its_way(store)
    written = await move_version_on(store)  # after the first read, before its answer
    (second,) = await asking(shared, 1)
    reads.release.set()
    assert await first != written
    assert await second == written
    assert reads.sent == 2


async def test_requests_arriving_together_share_one_read(store: GraphStore) -> None:
    reads, shared, first = await a_read_on_its_way(store)
    written = await move_version_on(store)
    together = await asking(shared, 5)
    reads.release.set()
    assert await asyncio.gather(*together) == [written] * 5
    await first
    assert reads.sent == 2


async def test_a_caller_going_away_leaves_the_shared_read_to_the_others(
    store: GraphStore,
) -> None:
    reads, shared, first = await a_read_on_its_way(store)
    leader, follower = await asking(shared, 2)
    leader.cancel()  # it asked for the next read first
    reads.release.set()
    assert await follower == await store.version()
    await first
    assert reads.sent == 2


async def test_the_store_error_of_a_shared_read_reaches_every_caller_waiting(
    store: GraphStore,
) -> None:
    reads, shared, first = await a_read_on_its_way(store)
    reads.broken = True
    together = await asking(shared, 3)
    reads.release.set()
    await first
    for waiting in together:
        with pytest.raises(StoreError):
            await waiting
    reads.broken = False
    assert await shared.version() == await store.version()  # the next read is a fresh one
