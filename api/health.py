"""Liveness and readiness probes."""

from __future__ import annotations

import asyncio
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse

from cypher.errors import StoreError

log = logging.getLogger("jcm.health")
# A ready database answers a small real query well within this.
READY_DEADLINE_S = 2.0


async def healthz(request: Request) -> JSONResponse:
    """The process is alive (says nothing about the database)."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """The database answers a real query within READY_DEADLINE_S; 503 with the reason when
    it does not (a ping alone would pass while every query thread is busy)."""
    store = request.app.state.store
    try:
        async with asyncio.timeout(READY_DEADLINE_S):
            await store.read("ready_probe")
            version = await store.server_version()
    except (StoreError, TimeoutError) as exc:
        reason = (
            exc.detail
            if isinstance(exc, StoreError)
            else f"no answer to a query within {READY_DEADLINE_S:g} s"
        )
        log.warning("not ready: %s", reason)
        return JSONResponse(
            {"status": "unavailable", "backend": store.backend, "reason": reason},
            status_code=503,
        )
    return JSONResponse({"status": "ready", "backend": store.backend, "version": version})
