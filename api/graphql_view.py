"""The `/graphql` endpoint: Strawberry's ASGI view with our context and an offline IDE."""

from __future__ import annotations

import json
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from api.auth import authenticate, caller
from api.graphiql_assets import localize, with_subscriptions
from api.request_log import request_id
from schema.context import RequestContext
from schema.errors import to_client_error


class JcmGraphQL(GraphQL):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> RequestContext:
        settings = request.app.state.settings
        principal = caller(request.scope, settings.tokens)
        refused = principal is None or principal.name is None
        # A WebSocket may still present its token in connection_init (on_ws_connect).
        if settings.reads_require_token and refused and not isinstance(request, WebSocket):
            raise HTTPException(401, "reading this API needs a valid bearer token")
        return RequestContext(
            store=request.app.state.store,
            request_id=request_id.get(),
            request=request,
            response=response,
            principal=principal,
            ledger_scans=request.app.state.ledger_scans,
            event_feed=request.app.state.event_feed,
        )

    async def on_ws_connect(self, context: RequestContext) -> UnsetType | dict[str, Any] | None:
        """Browsers cannot set headers on a WebSocket: a token may come in connection_init as
        `{"Authorization": "Bearer …"}`. When reads need a token and none is valid, the
        connection is closed with 4403."""
        assert context.request is not None
        settings = context.request.app.state.settings
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        given = params.get("Authorization") or params.get("authorization")
        if isinstance(given, str) and (context.principal is None or not context.principal.name):
            context.principal = authenticate({"authorization": given}, settings.tokens)
        principal = context.principal
        if settings.reads_require_token and (principal is None or principal.name is None):
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED"})
        return UNSET

    def encode_json(self, data: object) -> str:
        # Text, not bytes: WebSocket messages must go out as text frames.
        return self.encode_json_bytes(data).decode()

    def encode_json_bytes(self, data: object) -> bytes:
        """The JSON of `data` as an HTTP body takes it. orjson: several times faster than the
        standard library for large responses."""
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        # The standard library, as the edge (api/request_checks.py) reads a POST body: orjson
        # turns integers past 64 bits into floats, and a variable must mean the same on every
        # path (an Int that large is refused as too large, not as "non-integer").
        return json.loads(data)

    @property
    def graphql_ide_html(self) -> str:
        # Strawberry's GraphiQL page, with a graphql-transport-ws client for subscriptions.
        return with_subscriptions(super().graphql_ide_html)

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(localize(self.graphql_ide_html))

    async def process_result(self, request: Request, result: ExecutionResult) -> Any:
        # Parse errors skip the schema extensions: give them their code here too.
        if result.errors:
            result.errors = [to_client_error(e, request_id.get()) for e in result.errors]
        response = await super().process_result(request, result)
        if result.data is None and result.errors and not any(e.path for e in result.errors):
            # A request error: no field ran, so the GraphQL-over-HTTP spec leaves `data` out.
            response.pop("data", None)
        return response
