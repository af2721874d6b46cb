"""The `/graphql` endpoint: Strawberry's ASGI view with our context and an offline IDE."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from api.graphiql_assets import localize
from api.request_log import request_id
from schema.context import RequestContext


class JcmGraphQL(GraphQL):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> RequestContext:
        return RequestContext(
            store=request.app.state.store,
            request_id=request_id.get(),
            request=request,
            response=response,
        )

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(localize(self.graphql_ide_html))
