"""uvicorn's HTTP/1.1 protocol (httptools), sending each response in one write.

uvicorn writes a response's status line and headers, then its body: two `send` calls, so two
TCP segments for every small JSON answer, and a client woken twice to read one response.
Here the writes made during one step of the event loop wait for the end of that step and go
out joined, in one `send`. A response's head and body are written in the same step (nothing
between them waits), so a small answer leaves in one segment (measured: README, "A response
in one write").
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class JoinedWrites:
    """A transport whose writes are held until the event loop's current step ends, then
    written as one. Everything else is the transport's own; closing writes what is held
    first."""

    __slots__ = ("_held", "_loop", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: list[bytes] = []

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not self._held:
            self._loop.call_soon(self.flush)
        self._held.append(bytes(data))

    def writelines(self, lines: Iterable[bytes | bytearray | memoryview]) -> None:
        for data in lines:
            self.write(data)

    def flush(self) -> None:
        """Writes what is held, as one."""
        if not self._held:
            return
        data = b"".join(self._held)
        self._held.clear()
        if not self._transport.is_closing():  # a closed connection drops it, as a write would
            self._transport.write(data)

    def write_eof(self) -> None:
        self.flush()
        self._transport.write_eof()

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class OneSendHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol writing through `JoinedWrites` (a WebSocket upgraded from
    it keeps the same transport)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.transport = JoinedWrites(transport, self.loop)  # type: ignore[assignment]
