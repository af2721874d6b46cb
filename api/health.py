"""Liveness and readiness probes."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse

from cypher.errors import StoreError

log = logging.getLogger("jcm.health")


async def healthz(request: Request) -> JSONResponse:
    """The process is alive (says nothing about the database)."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """The database answers; 503 with the reason when it does not."""
    store = request.app.state.store
    try:
        await store.ping()
        version = await store.server_version()
    except StoreError as exc:
        log.warning("not ready: %s", exc)
        return JSONResponse(
            {"status": "unavailable", "backend": store.backend, "reason": exc.detail},
            status_code=503,
        )
    return JSONResponse({"status": "ready", "backend": store.backend, "version": version})
