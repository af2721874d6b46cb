"""GraphQL over HTTP at the edge of `/graphql`: request body size limit, JSON errors for
malformed requests, and the `application/graphql-response+json` media type with its status
codes when the client asks for it (GraphQL over HTTP specification)."""

from __future__ import annotations

import json
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.access_log import graphql_request
from api.auth import caller
from api.graphql_post import answer_post, takes_post_lane
from api.graphql_view import JcmGraphQL
from api.request_checks import operation_label, read_request
from api.response_cache import ResponseCache, cache_key, cacheable, caller_kind
from cypher.store import counting_round_trips

GRAPHQL_RESPONSE = "application/graphql-response+json"


# The request headers the edge reads (api/request_checks.py, api/graphql_post.py and the
# cache's ETag check).
_EDGE_HEADERS = frozenset({b"accept", b"content-length", b"content-type", b"if-none-match"})


def _error_body(message: str, code: str) -> bytes:
    return json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]}).encode()


class GraphQLHttp:
    def __init__(
        self,
        app: ASGIApp,
        *,
        path: str = "/graphql",
        max_body_bytes: int,
        root_fields: frozenset[str] = frozenset(),
        cache: ResponseCache | None = None,
        view: JcmGraphQL | None = None,
    ) -> None:
        self.app = app
        # The GraphQL view behind `path`: the common POST is answered with its parts directly
        # (api/graphql_post.py); without it, every request goes through the view.
        self.view = view
        self.path = path
        self.max_body_bytes = max_body_bytes
        self.root_fields = root_fields
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        # Only the headers the edge reads, decoded: a request carries more.
        headers = {
            name.decode("latin-1"): v.decode("latin-1")
            for k, v in scope["headers"]
            if (name := k.lower()) in _EDGE_HEADERS
        }
        accept = headers.get("accept", "")
        wants_graphql_response = GRAPHQL_RESPONSE in accept
        media = GRAPHQL_RESPONSE if wants_graphql_response else "application/json"
        too_big = f"the request body is over {self.max_body_bytes} bytes"
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body_bytes:
            await _respond(send, 413, media, _error_body(too_big, "LIMIT_EXCEEDED"))
            return

        # The whole body is read (within the size limit) and checked before Strawberry sees it.
        body = b""
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_body_bytes:
                await _respond(send, 413, media, _error_body(too_big, "LIMIT_EXCEEDED"))
                return
        problem, fields = read_request(scope, headers, body)
        details = graphql_request.get()
        if details is not None:
            details["operation"] = operation_label(fields.get("query"), self.root_fields)
        if problem is not None:
            if details is not None:
                details["outcome"] = "BAD_USER_INPUT"
            await _respond(send, 400, media, _error_body(problem, "BAD_USER_INPUT"))
            return
        cache_as = None
        if self.cache is not None and cacheable(fields):
            app_state = scope["app"].state
            with counting_round_trips() as version_trips:
                version = await app_state.version_reads.version()
            caller_as = caller_kind(caller(scope, app_state.settings.tokens))
            cache_as = cache_key(version, caller_as, media, fields)
            if scope["method"] == "GET" and headers.get("if-none-match") == f'"{cache_as}"':
                await _respond_not_modified(send, cache_as)
                return
            if (cached := self.cache.get(cache_as)) is not None:
                if details is not None:
                    details.update(trips=version_trips[0], outcome="ok")
                await _respond(
                    send,
                    200,
                    media,
                    cached,
                    extra=_cache_headers(scope["method"], cache_as, "hit", version_trips[0]),
                )
                return
        replayed = False

        async def limited_receive() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        start: Message | None = None
        chunks: list[bytes] = []
        trips: list[int] = [0]  # replaced by the request's counter below

        def answered(status: int, body: bytes) -> list[tuple[bytes, bytes]]:
            """A whole body's bookkeeping (the log's details, the cache) and the headers that
            say it: the database round trips of this request (for benchmarks and N+1
            checks), and with the cache, a miss."""
            if details is not None:
                details["trips"] = trips[0]
                details["outcome"] = _outcome(body)
            added = [(b"x-db-round-trips", str(trips[0]).encode())]
            if cache_as is not None and self.cache is not None:
                if status == 200 and b'"errors"' not in body:
                    self.cache.put(cache_as, body)
                added += _cache_headers(scope["method"], cache_as, "miss", None)
            return added

        async def buffered_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            start["headers"] = [*start.get("headers", []), *answered(start["status"], body)]
            await self._finish(send, scope["method"], start, body, media, wants_graphql_response)

        with counting_round_trips() as counter:
            trips = counter
            answer = None
            if self.view is not None and takes_post_lane(scope, headers, fields):
                answer = await answer_post(self.view, scope, limited_receive, fields)
            if answer is None:
                await self.app(scope, limited_receive, buffered_send)
                return
            if wants_graphql_response:  # its status depends on the answer (`_finish`)
                json_start = {"status": 200, "headers": [(b"content-type", b"application/json")]}
                await buffered_send({"type": "http.response.start", **json_start})
                await buffered_send({"type": "http.response.body", "body": answer})
                return
            await _respond(send, 200, media, answer, extra=answered(200, answer))

    async def _finish(
        self,
        send: Send,
        method: str,
        start: Message,
        body: bytes,
        media: str,
        wants_graphql_response: bool,
    ) -> None:
        status = start["status"]
        headers = dict(start.get("headers", []))
        content_type = headers.get(b"content-type", b"").decode("latin-1")
        if content_type.startswith("text/html"):
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        if status >= 400 and not content_type.startswith("application/json"):
            # Strawberry answers malformed requests with plain text; clients get JSON errors.
            message = body.decode("utf-8", "replace").strip() or "bad request"
            if method == "GET" and message.startswith("mutations are not allowed"):
                await _respond(
                    send,
                    405,
                    media,
                    _error_body("mutations must be sent with POST", "BAD_USER_INPUT"),
                    allow=b"POST",
                )
                return
            code = {401: "UNAUTHENTICATED", 403: "FORBIDDEN"}.get(status, "BAD_USER_INPUT")
            await _respond(send, status, media, _error_body(message, code))
            return
        if wants_graphql_response and status == 200:
            try:
                payload = json.loads(body)
            except ValueError:
                payload = {}
            # A request error (parse, validation, limits: no field ran, so no error has a
            # path) yields no data: 400. Field errors keep 200, even when data is null.
            if isinstance(payload, dict) and payload.get("data") is None:
                errors = payload.get("errors") or []
                if errors and not any(error.get("path") for error in errors):
                    status = 400
        extra = [
            (k, v)
            for k, v in start.get("headers", [])
            if k.lower() not in (b"content-type", b"content-length")
        ]
        await _respond(send, status, media, body, extra=extra)


def _cache_headers(
    method: str, key: str, state: str, trips: int | None
) -> list[tuple[bytes, bytes]]:
    headers = [(b"x-cache", state.encode())]
    if trips is not None:
        headers.append((b"x-db-round-trips", str(trips).encode()))
    if method == "GET":
        # The graph can change at any time: clients may keep the answer but must ask again.
        headers += [(b"etag", f'"{key}"'.encode()), (b"cache-control", b"no-cache")]
    return headers


async def _respond_not_modified(send: Send, key: str) -> None:
    headers = [
        (b"etag", f'"{key}"'.encode()),
        (b"cache-control", b"no-cache"),
        (b"x-cache", b"hit"),
    ]
    await send({"type": "http.response.start", "status": 304, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


_CODE = re.compile(rb'"code":\s*"([A-Z_]+)"')


def _outcome(body: bytes) -> str:
    """ok, or the code of the response's first error (without decoding a large body)."""
    if b'"errors"' not in body:
        return "ok"
    match = _CODE.search(body)
    return match.group(1).decode() if match else "error"


async def _respond(
    send: Send,
    status: int,
    media: str,
    body: bytes,
    *,
    allow: bytes | None = None,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    headers = [
        (b"content-type", f"{media}; charset=utf-8".encode()),
        (b"content-length", str(len(body)).encode()),
        *(extra or []),
    ]
    if allow:
        headers.append((b"allow", allow))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
