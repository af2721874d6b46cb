"""Streamed exports: CAD Trust v2 project and unit CSV, and the JSON dump of the graph."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from api.auth import authenticate
from cypher.cadt_export import project_csv, unit_csv
from cypher.export import dump_json
from cypher.store import GraphStore
from schema.errors import LimitExceeded


async def _download(
    request: Request, stream: Callable[[GraphStore], AsyncIterator[str]], media: str, name: str
) -> Response:
    """Streams a whole-ledger export, once the caller is admitted (schema/ledger_scans.py)."""
    settings = request.app.state.settings
    principal = authenticate(request.headers, settings.tokens)
    client = request.client.host if request.client else "?"
    admission = request.app.state.ledger_scans.admit(principal, client)
    try:
        await admission.__aenter__()
    except LimitExceeded as refusal:
        return JSONResponse(
            {"errors": [{"message": refusal.message, "extensions": {"code": "LIMIT_EXCEEDED"}}]},
            status_code=429,
            headers={"Retry-After": str(refusal.extensions.get("retryAfter", 1))},
        )

    async def admitted() -> AsyncIterator[str]:
        try:
            async for chunk in stream(request.app.state.store):
                yield chunk
        finally:
            await admission.__aexit__(None, None, None)

    return StreamingResponse(
        admitted(),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


async def cadt_projects(request: Request) -> Response:
    return await _download(
        request, project_csv, "text/csv; charset=utf-8", "jcm-cadt-v2-projects.csv"
    )


async def cadt_units(request: Request) -> Response:
    return await _download(request, unit_csv, "text/csv; charset=utf-8", "jcm-cadt-v2-units.csv")


async def graph_dump(request: Request) -> Response:
    return await _download(request, dump_json, "application/json", "jcm-graph.json")
