"""The HTTP floor: each bench case's floor statement behind a bare Starlette route, served by
uvicorn as `jcm serve` serves the API (the same options, protocol and worker count), with no
GraphQL, no middleware and no checks.

`make bench` measures it beside the API and the floor: what it adds to the floor is what the
chosen HTTP stack (Starlette on uvicorn, a JSON body in and out, the store's client in the
server's process) costs by itself on this machine, so `API ÷ floor` can be read as the
stack's share and the API's own. `POST /floor/{name}` with `{"variables": {...}}` answers
`{"data": rows}`, the rows `run_floor` reads.

Run: python -m tests.benchmarks.http_floor (configured like `jcm serve`: JCM_GRAPH_URL or
JCM_DATA_DIR, JCM_PORT, JCM_WORKERS, …; the database must be running).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from api.settings import Settings
from cypher.connect import build_store
from cypher.registry import QUERIES_DIR
from cypher.search_text import search
from cypher.store import GraphStore, Row

FLOOR_QUERIES = Path(__file__).parent / "queries"
# Floors of many rows, read as one record where the store reads them more cheaply so, as the
# API reads them (cypher/packed_rows.py).
MANY_ROWS = frozenset({"floor_project_page", "floor_stats_country_year"})
SEARCH = "search"  # the search floor is the store's own search function, not a statement


async def run_floor(store: GraphStore, name: str, params: dict[str, Any]) -> list[Row]:
    """The floor `name` with `params`, as the bench's in-process floor reads it too."""
    if name == SEARCH:
        return await search(store, params["text"], params["first"])
    if name in MANY_ROWS:
        return await store.read_many(name, params)
    return await store.read(name, params)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.store = build_store(settings.store_config(), (QUERIES_DIR, FLOOR_QUERIES))
        try:
            yield
        finally:
            await app.state.store.close()

    async def floor(request: Request) -> Response:
        body = json.loads(await request.body())
        rows = await run_floor(
            request.app.state.store, request.path_params["name"], body.get("variables") or {}
        )
        # Neo4j gives dates as its own type; the API sends them as text too.
        return Response(orjson.dumps({"data": rows}, default=str), media_type="application/json")

    return Starlette(routes=[Route("/floor/{name}", floor, methods=["POST"])], lifespan=lifespan)


def main() -> None:
    import uvicorn

    from api.cli import uvicorn_options

    settings = Settings()
    uvicorn.run(
        "tests.benchmarks.http_floor:create_app",
        factory=True,
        workers=settings.workers,
        **uvicorn_options(settings),
    )


if __name__ == "__main__":
    main()
