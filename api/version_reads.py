"""The graph's version for the response cache, one read shared by the requests that ask for it
together.

Every cached request reads the version first (api/response_cache.py), so under load most of
the database's work for a hit was that small query, once per request. A request may share a
read only if the read is sent after the request arrived: a write that returned before then
has moved the version on already, so the shared answer includes it. A read already on its way
may have been sent too early, so a request that comes while one is on its way waits for the
next, which is sent as soon as the one on its way returns and serves everyone who came in
between. With nothing on its way, a request reads at once, as before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


class SharedVersionReads:
    """One per process and store; `version()` is what `store.version()` would answer, read no
    earlier than the call."""

    __slots__ = ("_next", "_read", "_sender", "_sent")

    def __init__(self, read: Callable[[], Awaitable[str]]) -> None:
        self._read = read
        self._sent: asyncio.Future[None] | None = None  # done when the read on its way returns
        self._next: asyncio.Future[str] | None = None  # the read to send when it has
        self._sender: asyncio.Task[None] | None = None  # held: the loop keeps only weak ones

    async def version(self) -> str:
        if self._next is not None:  # not sent yet: it will be sent after this call
            return await asyncio.shield(self._next)
        if self._sent is None:
            return await self._send()
        waiting = self._next = asyncio.get_running_loop().create_future()
        # A task of its own sends it, so that a caller going away leaves it to the others; it
        # runs in this caller's context, so the round trip counts as this request's.
        self._sender = asyncio.ensure_future(self._send_after(self._sent, waiting))
        return await asyncio.shield(waiting)

    async def _send(self) -> str:
        sent = self._sent = asyncio.get_running_loop().create_future()
        try:
            return await self._read()
        finally:
            sent.set_result(None)
            if self._sent is sent:
                self._sent = None

    async def _send_after(self, ahead: asyncio.Future[None], waiting: asyncio.Future[str]) -> None:
        await ahead
        self._next = None  # from here on, callers wait for the read after this one
        try:
            waiting.set_result(await self._send())
        except asyncio.CancelledError:
            waiting.cancel()
            raise
        except Exception as exc:  # every caller waiting gets the store's error
            waiting.set_exception(exc)
