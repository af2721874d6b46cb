"""An integrator's client of JCM Graph, with the Python `gql` library (version 4).

It checks every query against the schema the server publishes (schema.graphql, versioned with
the API), then:
1. pages through all projects with their host country and registered date;
2. downloads the CAD Trust v2 projects and units CSV;
3. follows the change feed (registryEvents over graphql-transport-ws) from a given seq, for a
   number of events or seconds, and prints what it sees.

Run:  python examples/integrator_client.py --url http://127.0.0.1:8000 --out ./cadt
      [--after-seq 0] [--events 5] [--seconds 10] [--token TOKEN]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any

import httpx
from gql import Client, gql
from gql.transport.httpx import HTTPXAsyncTransport
from gql.transport.websockets import WebsocketsTransport

SCHEMA = Path(__file__).resolve().parent.parent / "schema.graphql"

PROJECTS = gql(
    """
    query Projects($after: String) {
      projects(first: 100, after: $after, orderBy: [{ field: REF }]) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { ref title status registeredOn dataQuality hostCountry { code name } }
      }
    }
    """
)
EVENTS = gql(
    """
    subscription Events($after: Int!) {
      registryEvents(afterSeq: $after) { seq at action actor payload }
    }
    """
)


def headers(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


async def all_projects(url: str, token: str | None) -> list[dict[str, Any]]:
    """Every project, page after page, following the cursors the API gives out."""
    transport = HTTPXAsyncTransport(url=f"{url}/graphql", headers=headers(token))
    client = Client(transport=transport, schema=SCHEMA.read_text("utf-8"))
    projects: list[dict[str, Any]] = []
    async with client as session:
        after = None
        while True:
            page = (await session.execute(PROJECTS, variable_values={"after": after}))["projects"]
            projects += page["nodes"]
            if not page["pageInfo"]["hasNextPage"]:
                return projects
            after = page["pageInfo"]["endCursor"]


async def cadt_exports(url: str, token: str | None, out: Path) -> list[Path]:
    """The CAD Trust v2 CSV files and their provenance, streamed to disk."""
    await asyncio.to_thread(out.mkdir, parents=True, exist_ok=True)
    written = []
    async with httpx.AsyncClient(base_url=url, headers=headers(token), timeout=600) as http:
        for name in ("projects", "locations", "units", "provenance"):
            path = out / f"cadt-v2-{name}.csv"
            async with http.stream("GET", f"/export/cadt-v2/{name}.csv") as response:
                response.raise_for_status()
                with path.open("wb") as file:
                    async for chunk in response.aiter_bytes():
                        file.write(chunk)
            written.append(path)
    return written


async def follow_feed(
    url: str, token: str | None, after_seq: int, events: int, seconds: float
) -> list[dict[str, Any]]:
    """Up to `events` events after `after_seq`, waiting at most `seconds` for them."""
    ws_url = url.replace("http://", "ws://").replace("https://", "wss://") + "/graphql"
    params = {"Authorization": f"Bearer {token}"} if token else None
    transport = WebsocketsTransport(
        url=ws_url, subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL], init_payload=params
    )
    client = Client(transport=transport, schema=SCHEMA.read_text("utf-8"))
    seen: list[dict[str, Any]] = []

    async def read() -> None:
        async with client as session:
            async for result in session.subscribe(EVENTS, variable_values={"after": after_seq}):
                seen.append(result["registryEvents"])
                if len(seen) >= events:
                    return

    with contextlib.suppress(TimeoutError):  # no more events within the time given
        await asyncio.wait_for(read(), timeout=seconds)
    return seen


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--token")
    parser.add_argument("--out", type=Path, default=Path("cadt"))
    parser.add_argument("--after-seq", type=int, default=0)
    parser.add_argument("--events", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()

    projects = await all_projects(args.url, args.token)
    print(json.dumps({"projects": len(projects), "first": projects[0] if projects else None}))
    files = await cadt_exports(args.url, args.token, args.out)
    print(json.dumps({"exports": [str(f) for f in files]}))
    events = await follow_feed(args.url, args.token, args.after_seq, args.events, args.seconds)
    print(json.dumps({"events": [e["seq"] for e in events]}))


if __name__ == "__main__":
    asyncio.run(main())
