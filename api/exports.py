"""Streamed exports: the CAD Trust v2 files (CSV and JSON) and the JSON dump of the graph."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from api.auth import caller
from cypher.cadt_export import as_csv, as_json
from cypher.export import dump_json
from cypher.store import GraphStore
from schema.errors import LimitExceeded


async def _download(
    request: Request, stream: Callable[[GraphStore], AsyncIterator[str]], media: str, name: str
) -> Response:
    """Streams a whole-ledger export, once the caller is admitted (schema/ledger_scans.py)."""
    settings = request.app.state.settings
    principal = caller(request.scope, settings.tokens)
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


CADT_FILES = {
    f"{sheet}.{ext}": (as_csv(sheet) if ext == "csv" else as_json(sheet), ext)
    for sheet in ("projects", "locations", "units")
    for ext in ("csv", "json")
} | {"provenance.csv": (as_csv("provenance"), "csv")}
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


async def cadt_file(request: Request) -> Response:
    """/export/cadt-v2/{name}: a CAD Trust v2 sheet as CSV or JSON, or the provenance file."""
    name = request.path_params["name"]
    if name not in CADT_FILES:
        files = ", ".join(sorted(CADT_FILES))
        return JSONResponse(
            {
                "errors": [
                    {
                        "message": f"no CAD Trust v2 file {name!r}; files: {files}",
                        "extensions": {"code": "NOT_FOUND"},
                    }
                ]
            },
            status_code=404,
        )
    stream, ext = CADT_FILES[name]
    return await _download(request, stream, MEDIA[ext], f"jcm-cadt-v2-{name}")


async def graph_dump(request: Request) -> Response:
    return await _download(request, dump_json, "application/json", "jcm-graph.json")
