"""The change feed's wake-up: one task per API process watches the head of the event log
and wakes the open subscriptions when it moves, so an idle subscription costs the database
nothing (a subscriber reads its own events only when there are new ones). It reads the log,
not in-process signals, so writes made through other processes wake it too."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from cypher.audit_chain import read_head
from cypher.errors import StoreError
from cypher.store import GraphStore
from schema.errors import LimitExceeded

log = logging.getLogger("jcm.feed")
POLL_SECONDS = 0.25


class EventFeed:
    def __init__(self, store: GraphStore, max_subscriptions: int) -> None:
        self.store = store
        self.max_subscriptions = max_subscriptions
        self.subscribers = 0
        self.head = 0
        self._moved = asyncio.Condition()
        self._watcher: asyncio.Task[None] | None = None

    @asynccontextmanager
    async def subscription(self) -> AsyncIterator[None]:
        """Holds one of the process's subscription places while the block runs."""
        if self.subscribers >= self.max_subscriptions:
            raise LimitExceeded(
                f"this server holds its limit of {self.max_subscriptions} subscriptions; "
                "try again later",
                max=self.max_subscriptions,
            )
        self.subscribers += 1
        if self._watcher is None or self._watcher.done():
            self._watcher = asyncio.create_task(self._watch())
        try:
            yield
        finally:
            self.subscribers -= 1

    async def wait_past(self, seq: int) -> None:
        """Returns once the log's head is past `seq` (at once if it already is)."""
        async with self._moved:
            await self._moved.wait_for(lambda: self.head > seq)

    async def _watch(self) -> None:
        while self.subscribers > 0:
            try:
                newest = await read_head(self.store)
            except StoreError as exc:
                log.warning("change feed: cannot read the event log: %s", exc)
                newest = None
            head = newest.seq if newest else 0
            if head != self.head:
                async with self._moved:
                    self.head = head
                    self._moved.notify_all()
            await asyncio.sleep(POLL_SECONDS)
        self._watcher = None

    async def close(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
