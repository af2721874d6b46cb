"""A load generator in a process of its own (so that it never shares an interpreter with the
server): sends one GraphQL query REQUESTS times from CLIENTS concurrent connections, cycling
through the variable sets given, and prints one JSON object with the latencies, requests per
second, database round trips per request, the number of failed requests, the CPU time it
spent sending them, the time they took and each one's latency.

It speaks just enough HTTP/1.1 (keep-alive POSTs, answers with a Content-Length) over plain
asyncio streams: a general client such as httpx spent more CPU per request than the server
did, so with 64 connections the figures measured the load generator, not the API.

Run: python -m tests.benchmarks.load_client URL CASE.json REQUESTS CLIENTS
where CASE.json is {"query": "...", "variables": [{...}, ...]}.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.benchmarks.alternating_rounds import pooled


class HttpError(Exception):
    """The connection failed or the answer was not HTTP/1.1 with a Content-Length."""


class Connection:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, host: str, port: int, path: str) -> None:
        self.host, self.port, self.path = host, port, path
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = (
            f"POST {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        try:
            self.writer.write(head.encode() + body)
            lines = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1])
            headers = {
                name.strip().lower(): value.strip()
                for name, _, value in (line.partition(":") for line in lines[1:] if line)
            }
            if "content-length" not in headers:
                raise HttpError("an answer without Content-Length")
            content = await self.reader.readexactly(int(headers["content-length"]))
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
            self.close()
            raise HttpError(type(exc).__name__) from exc
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, content

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def run(url: str, case: dict, requests: int, clients: int) -> dict:
    variables = case.get("variables") or [{}]
    bodies = [json.dumps({"query": case["query"], "variables": v}).encode() for v in variables]
    target = urlsplit(url)
    latencies: list[float] = []
    trips: list[int] = []
    failures: list[str] = []
    queue = iter(range(requests))

    async def client() -> None:
        connection = Connection(target.hostname or "127.0.0.1", target.port or 80, target.path)
        for i in queue:
            started = time.perf_counter()
            try:
                status, headers, content = await connection.post(bodies[i % len(bodies)])
            except HttpError as exc:
                failures.append(str(exc))
                continue
            latencies.append(time.perf_counter() - started)
            if status != 200 or b'"errors"' in content:
                failures.append(content[:200].decode("utf-8", "replace"))
            trips.append(int(headers.get("x-db-round-trips", 0)))
        connection.close()

    started, cpu_started = time.perf_counter(), time.process_time()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    measured = {
        "trips": statistics.mean(trips) if trips else None,
        "failures": len(failures),
        "firstFailure": failures[0] if failures else None,
        "cpuSeconds": cpu,  # this process's own, over the requests alone
        "elapsed": elapsed,
        "latenciesMs": sorted(seconds * 1000 for seconds in latencies),
    }
    return {**measured, **pooled([measured])}  # with p50, p95 and requests a second


def main() -> None:
    url, case_file, requests, clients = sys.argv[1:5]
    case = json.loads(Path(case_file).read_text())
    measured = event_loop_runner()(run(url, case, int(requests), int(clients)))
    print(json.dumps(measured))


def event_loop_runner() -> Callable[[Coroutine[Any, Any, dict]], dict]:
    """uvloop's, as the server's (uvicorn picks it when installed): the load generator spends
    less CPU per request on it, CPU the server would otherwise share its cores with."""
    try:
        import uvloop
    except ImportError:  # uvicorn[standard] installs it, except on Windows
        return asyncio.run
    return uvloop.run


if __name__ == "__main__":
    main()
