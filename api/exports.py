"""Streamed exports: CAD Trust v2 project and unit CSV, and the JSON dump of the graph."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import StreamingResponse

from cypher.cadt_export import project_csv, unit_csv
from cypher.export import dump_json


def _download(stream, media: str, filename: str) -> StreamingResponse:  # noqa: ANN001
    return StreamingResponse(
        stream,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


async def cadt_projects(request: Request) -> StreamingResponse:
    return _download(
        project_csv(request.app.state.store), "text/csv; charset=utf-8", "jcm-cadt-v2-projects.csv"
    )


async def cadt_units(request: Request) -> StreamingResponse:
    return _download(
        unit_csv(request.app.state.store), "text/csv; charset=utf-8", "jcm-cadt-v2-units.csv"
    )


async def graph_dump(request: Request) -> StreamingResponse:
    return _download(dump_json(request.app.state.store), "application/json", "jcm-graph.json")
