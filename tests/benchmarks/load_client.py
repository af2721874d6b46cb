"""A load generator in a process of its own (so that it never shares an interpreter with the
server): sends one GraphQL query REQUESTS times from CLIENTS concurrent connections, cycling
through the variable sets given, and prints one JSON object with the latencies, requests per
second, database round trips per request and the number of failed requests.

Run: python -m tests.benchmarks.load_client URL CASE.json REQUESTS CLIENTS
where CASE.json is {"query": "...", "variables": [{...}, ...]}.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

import httpx


async def run(url: str, case: dict, requests: int, clients: int) -> dict:
    variables = case.get("variables") or [{}]
    latencies: list[float] = []
    trips: list[int] = []
    failures: list[str] = []
    queue = iter(range(requests))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:

        async def client() -> None:
            for i in queue:
                body = {"query": case["query"], "variables": variables[i % len(variables)]}
                started = time.perf_counter()
                try:
                    response = await http.post(url, json=body)
                except httpx.HTTPError as exc:
                    failures.append(type(exc).__name__)
                    continue
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200 or b'"errors"' in response.content:
                    failures.append(response.text[:200])
                trips.append(int(response.headers.get("x-db-round-trips", 0)))

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "p50": statistics.median(latencies) * 1000 if latencies else None,
        "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000 if latencies else None,
        "rps": len(latencies) / elapsed,
        "trips": statistics.mean(trips) if trips else None,
        "failures": len(failures),
        "firstFailure": failures[0] if failures else None,
    }


def main() -> None:
    url, case_file, requests, clients = sys.argv[1:5]
    case = json.loads(Path(case_file).read_text())
    print(json.dumps(asyncio.run(run(url, case, int(requests), int(clients)))))


if __name__ == "__main__":
    main()
