"""The HTTP floor: each bench case's floor statement behind a bare ASGI app, served by uvicorn
as `jcm serve` serves the API (the same options, protocol and worker count), with no
framework, GraphQL, middleware or checks.

`make bench` measures it beside the API and the floor: what it adds to the floor is what
serving over HTTP costs by itself on this machine (uvicorn, a JSON body in and out, the
store's client in the server's process), so `API ÷ floor` can be read as that share and the
API's own. It does about the least an app served by uvicorn can do to answer a case: read the
JSON body, make the floor's call, send the rows as JSON.
`POST /floor/{name}` with `{"variables": {...}}` answers `{"data": rows}`, the rows
`run_floor` reads.

Run: python -m tests.benchmarks.http_floor (configured like `jcm serve`: JCM_GRAPH_URL or
JCM_DATA_DIR, JCM_PORT, JCM_WORKERS, …; the database must be running).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import orjson

from api.settings import Settings
from cypher.connect import build_store
from cypher.registry import QUERIES_DIR
from cypher.search_text import search
from cypher.store import GraphStore, Row

FLOOR_QUERIES = Path(__file__).parent / "queries"
ROUTE = "/floor/"
# Floors of many rows, read as one record where the store reads them more cheaply so, as the
# API reads them (cypher/packed_rows.py).
MANY_ROWS = frozenset({"floor_project_page", "floor_stats_country_year"})
SEARCH = "search"  # the search floor is the store's own search function, not a statement

Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


async def run_floor(store: GraphStore, name: str, params: dict[str, Any]) -> list[Row]:
    """The floor `name` with `params`, as the bench's in-process floor reads it too."""
    if name == SEARCH:
        return await search(store, params["text"], params["first"])
    if name in MANY_ROWS:
        return await store.read_many(name, params)
    return await store.read(name, params)


class HttpFloor:
    """The ASGI app: `POST /floor/{name}`; anything else is answered 404."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.store: GraphStore | None = None

    @asynccontextmanager
    async def opened(self) -> AsyncIterator[GraphStore]:
        """The store, open while the block runs (the lifespan's; tests enter it directly)."""
        self.store = build_store(self.settings.store_config(), (QUERIES_DIR, FLOOR_QUERIES))
        try:
            yield self.store
        finally:
            await self.store.close()
            self.store = None

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        path: str = scope["path"]
        if scope["method"] != "POST" or not path.startswith(ROUTE) or self.store is None:
            await _respond(send, 404, b'{"errors":[{"message":"POST /floor/{name}"}]}')
            return
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        variables = json.loads(body).get("variables") or {}
        rows = await run_floor(self.store, path[len(ROUTE) :], variables)
        # Neo4j gives dates as its own type; the API sends them as text too.
        await _respond(send, 200, orjson.dumps({"data": rows}, default=str))

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        await receive()  # lifespan.startup
        async with self.opened():
            await send({"type": "lifespan.startup.complete"})
            await receive()  # lifespan.shutdown
        await send({"type": "lifespan.shutdown.complete"})


async def _respond(send: Send, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def create_app() -> HttpFloor:
    return HttpFloor()


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
