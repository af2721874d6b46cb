"""One log line and one set of metrics per HTTP request: method, route, status, duration,
caller (the token's name, `anonymous` or `invalid-token`) and, for GraphQL, the operation (its
first root field), its outcome (ok or the first error code) and its database round trips."""

from __future__ import annotations

import logging
import time
from contextvars import ContextVar
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import caller
from api.request_log import request_id

log = logging.getLogger("jcm.access")
# Filled in by the GraphQL edge (api/graphql_http.py) for the request being served.
graphql_request: ContextVar[dict[str, Any] | None] = ContextVar("jcm_graphql", default=None)
ROUTES = frozenset({"", "graphql", "healthz", "readyz", "metrics", "export", "aef", "graphiql"})


def route_label(path: str) -> str:
    first = path.split("/")[1] if path.count("/") else ""
    return "/" + first if first in ROUTES else "other"


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]
        details: dict[str, Any] = {}
        token = graphql_request.set(details)

        async def send_status(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            graphql_request.reset(token)
            seconds = time.perf_counter() - started
            operation = details.get("operation") or route_label(scope["path"])
            outcome = details.get("outcome") or ("ok" if status[0] < 400 else f"http_{status[0]}")
            app = scope.get("app")
            state = getattr(app, "state", None)
            if state is not None and getattr(state, "metrics", None) is not None:
                state.metrics.request(operation, outcome, seconds, details.get("trips"))
            if log.isEnabledFor(logging.INFO):  # the line is built only to be written
                log.info(
                    "%s %s %d",
                    scope["method"],
                    scope["path"],
                    status[0],
                    extra={
                        "fields": {
                            "method": scope["method"],
                            "path": scope["path"],
                            "status": status[0],
                            "durationMs": round(seconds * 1000, 1),
                            "operation": operation,
                            "outcome": outcome,
                            "dbRoundTrips": details.get("trips"),
                            "caller": _caller(scope, state),
                            "requestId": request_id.get(),
                        }
                    },
                )


def _caller(scope: Scope, state: Any) -> str:
    settings = getattr(state, "settings", None)
    principal = caller(scope, settings.tokens if settings else [])
    if principal is None:
        return "anonymous"
    return principal.name or "invalid-token"
