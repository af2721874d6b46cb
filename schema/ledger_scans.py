"""Whole-ledger work (integrityReport, creditFlows, verifyAuditChain, the exports) reads the
entire ledger. Callers with a token run it freely; anonymous callers run at most one at a time
per API process, and at most `per_minute` a minute from one client address."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from schema.context import Principal, RequestContext
from schema.errors import LimitExceeded

WINDOW_S = 60.0


class LedgerScanGate:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._running = asyncio.Lock()
        self._recent: dict[str, deque[float]] = {}

    @asynccontextmanager
    async def admit(self, principal: Principal | None, client: str) -> AsyncIterator[None]:
        """Runs the block, or refuses with LIMIT_EXCEEDED saying when to come back."""
        if principal is not None and principal.name is not None:
            yield
            return
        now = time.monotonic()
        recent = self._recent.setdefault(client, deque())
        while recent and now - recent[0] > WINDOW_S:
            recent.popleft()
        if len(recent) >= self.per_minute:
            wait = int(WINDOW_S - (now - recent[0])) + 1
            raise LimitExceeded(
                f"anonymous callers may run {self.per_minute} whole-ledger requests a minute; "
                f"try again in {wait} s, or use a token",
                retryAfter=wait,
            )
        if self._running.locked():
            raise LimitExceeded(
                "another anonymous whole-ledger request is running; try again shortly, "
                "or use a token",
                retryAfter=1,
            )
        recent.append(now)
        if len(self._recent) > 10_000:  # forget idle addresses, so memory stays bounded
            self._recent = {k: v for k, v in self._recent.items() if v}
        async with self._running:
            yield


def client_address(context: RequestContext) -> str:
    request = context.request
    return request.client.host if request is not None and request.client else "?"


@asynccontextmanager
async def ledger_scan(context: RequestContext) -> AsyncIterator[None]:
    """Admits a resolver's whole-ledger work for the caller of `context`."""
    gate: LedgerScanGate | None = context.ledger_scans
    if gate is None:
        yield
        return
    async with gate.admit(context.principal, client_address(context)):
        yield
