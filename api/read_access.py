"""Read protection for the plain HTTP data routes (exports, AEF CSV): with
JCM_READS_REQUIRE_TOKEN=true they need a valid bearer token, like `/graphql`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api.auth import caller

Endpoint = Callable[[Request], Awaitable[Response]]


def reader_only(endpoint: Endpoint) -> Endpoint:
    """The endpoint, answering 401 UNAUTHENTICATED when reads need a token and none is valid."""

    async def guarded(request: Request) -> Response:
        settings = request.app.state.settings
        if settings.reads_require_token:
            principal = caller(request.scope, settings.tokens)
            if principal is None or principal.name is None:
                return JSONResponse(
                    {
                        "errors": [
                            {
                                "message": "reading this API needs a valid bearer token",
                                "extensions": {"code": "UNAUTHENTICATED"},
                            }
                        ]
                    },
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
        return await endpoint(request)

    return guarded
