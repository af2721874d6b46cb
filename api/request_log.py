"""Request ids: taken from `X-Request-ID` or made up, put on every log line and response."""

from __future__ import annotations

import json
import logging
import os
import re
from contextvars import ContextVar
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id: ContextVar[str] = ContextVar("jcm_request_id", default="-")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, requestId, message and the record's
    `fields` (the access log's method, path, status, durationMs, operation, caller, …).

    Every request writes a line, so it is made cheaply: the time's text is made once a second,
    and orjson encodes the line (with `json`, and the time made every line, the access log cost
    a simple lookup about 25 µs more of the server's CPU: README, "Performance")."""

    _second: tuple[int, str] = (-1, "")  # a whole second, and its text

    def format(self, record: logging.LogRecord) -> str:
        whole = int(record.created)
        if whole != self._second[0]:
            self._second = (whole, self.formatTime(record, "%Y-%m-%dT%H:%M:%S"))
        line: dict[str, Any] = {
            "time": f"{self._second[1]}.{int(record.msecs):03d}",
            "level": record.levelname,
            "logger": record.name,
            "requestId": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        try:
            return orjson.dumps(line, default=str).decode()
        except (TypeError, ValueError):  # text orjson refuses (a lone surrogate, a huge int)
            return json.dumps(line, default=str)


def configure_logging(level: str, fmt: str = "json") -> None:
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
        )
    root = logging.getLogger("jcm")
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    root.propagate = False


class RequestIdMiddleware:
    """Pure ASGI (works for websockets too), so the id is set for everything the request runs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        given = ""
        for name, value in scope.get("headers", ()):  # names lower-cased, as servers give them
            if name == b"x-request-id":
                given = value.decode("latin-1")
                break
        rid = given if given and _SAFE_ID.match(given) else os.urandom(16).hex()
        token = request_id.set(rid)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
