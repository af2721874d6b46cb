"""`make bench`: the read API under concurrent load, against the floor of raw Cypher.

Starts a store in a temporary directory (the embedded FalkorDB, or with `--store neo4j` a
local Neo4j through neo4j/neo4j.sh), loads the JCM data plus N synthetic projects, runs the
real server (uvicorn) on a loopback port, and drives representative queries with concurrent
clients for a fixed number of requests each. Prints p50/p95 latency, requests per second and
database round trips per request, next to the same data fetched by one equivalent Cypher query
through the store (the floor), from this process and behind a bare ASGI app in a second
server run as the API's is (the HTTP floor, http_floor.py), the three measured in alternating
rounds (alternating_rounds.py), then the CPU each process spent per request every way
(process_cpu.py) and the memory the server and the database held at the end
(process_memory.py). Every case runs WARMUP times every way before anything is measured.
Run: make bench [STORE=falkordb|neo4j] [N=1000] [REQUESTS=300] [CLIENTS=8] [WARMUP=1000]
[ROUNDS=5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from api.cli import load_synthetic
from cypher.embedded import EmbeddedFalkorDB
from cypher.falkordb_store import FalkorDBStore
from cypher.neo4j_store import Neo4jStore
from cypher.registry import QUERIES_DIR
from cypher.store import GraphStore
from seed.loader import load_reference_data
from tests.benchmarks.alternating_rounds import alternating, run_side
from tests.benchmarks.http_floor import FLOOR_QUERIES, run_floor
from tests.benchmarks.process_cpu import CpuMeter, per_request, print_cpu
from tests.benchmarks.process_memory import print_memory, tree_memory_mb

NEO4J_SH = Path(__file__).parents[2] / "neo4j" / "neo4j.sh"
NEIGHBOURHOOD = """query($ref: String!) { project(ref: $ref) {
  ref title status registeredOn estimatedAnnualReduction dataQuality
  hostCountry { code name asean } sources { url }
  technologies { key name sectors { key name } }
  participants { role side organization { key name } }
  funding { amount programme { key name } }
  issuances { key notifiedTotal series { key quantity } } } }"""
COUNTRY = "query($code: String!) { country(code: $code) { code name asean } }"
COUNTRY_PROJECTS = """query($code: String!) { country(code: $code) { code name
  projects(first: 10) { totalCount nodes { ref title } } } }"""
PAGE = """{ projects(first: 50) { nodes { ref title
  hostCountry { code name } technologies { key name } funding { amount programme { key } } } } }"""
STATS = "{ stats(groupBy: [COUNTRY, YEAR]) { country year projectCount creditsIssued } }"
SEARCH = '{ search(text: "solar project", first: 10) { kind key title score } }'
TRACE = """query($serial: String!) { traceCredit(serial: $serial) {
  status holder { key owner registry } block { key }
  history { seq on kind international firstTransfer fromAccount { key } toAccount { key } }
  lineage { key } issuance { key } verification { key } tpe { key } project { ref }
  hostCountry { code } authorizations { key } adjustmentStatus gaps dataQuality } }"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unit_of(serial: str) -> dict:
    series, unit = serial.rsplit("-", 1)
    return {"series": series, "unit": int(unit)}


def start_server(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "api.cli", "serve"], env=env)


def start_http_floor(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.benchmarks.http_floor"], env=env)


@dataclass(frozen=True)
class Case:
    """One bench case: the API's query and variables, and the floor that reads the same data
    (`http_floor.run_floor`), whose parameters are cycled through as the variables are."""

    name: str
    query: str
    variables: list[dict]
    floor: str
    floor_params: list[dict]


async def answering(url: str, *, seconds: float = 120) -> None:
    """Waits until `url` answers GET with a status under 500 (a server has started)."""
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(timeout=10) as http:
        while True:
            try:
                if (await http.get(url)).status_code < 500:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")
            await asyncio.sleep(0.1)


async def drive(call: Callable[[int], Awaitable[int]], requests: int, clients: int) -> dict:
    """The floor's requests from `clients` concurrent callers: each one's latency, the time
    they took and the round trips per request (summed up by alternating_rounds.pooled)."""
    latencies: list[float] = []
    trips: list[int] = []
    queue = iter(range(requests))

    async def client() -> None:
        for i in queue:
            started = time.perf_counter()
            trips.append(await call(i))
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    return {
        "trips": statistics.mean(trips),
        "elapsed": elapsed,
        "latenciesMs": [seconds * 1000 for seconds in latencies],
    }


class BenchStore:
    """The store under test, started in a temporary directory, and how the server reaches it."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.data_dir = Path(tempfile.mkdtemp(prefix="jcm-bench-", dir="/tmp"))
        self.env: dict[str, str] = {"JCM_DATA_DIR": str(self.data_dir), "JCM_GRAPH_NAME": "bench"}
        self.embedded: EmbeddedFalkorDB | None = None

    def start(self) -> GraphStore:
        dirs = (QUERIES_DIR, FLOOR_QUERIES)
        if self.kind == "neo4j":
            port = free_port()
            subprocess.run([NEO4J_SH, "start", str(self.data_dir), str(port)], check=True)
            url = f"bolt://127.0.0.1:{port}"
            self.env["JCM_GRAPH_URL"] = url
            return Neo4jStore(url=url, user="neo4j", password="", query_dirs=dirs, pool_size=32)
        self.embedded = EmbeddedFalkorDB(self.data_dir)
        self.embedded.start()
        return FalkorDBStore(
            graph_name="bench", unix_socket=str(self.embedded.socket), query_dirs=dirs, pool_size=32
        )

    def pid(self) -> int | None:
        """The database's process (Neo4j's JVM, or the embedded redis-server)."""
        if self.kind == "neo4j":
            try:
                return int((self.data_dir / "neo4j.pid").read_text())
            except (OSError, ValueError):
                return None
        return self.embedded.status().pid if self.embedded is not None else None

    def stop(self, *, keep_files: bool = False) -> None:
        """Stops the store and removes its files; `keep_files` leaves them (its log among
        them) for a run that failed, and says where."""
        if self.kind == "neo4j":
            subprocess.run([NEO4J_SH, "stop", str(self.data_dir)], check=False)
        elif self.embedded is not None:
            self.embedded.stop()
        if keep_files:
            log = "neo4j.log" if self.kind == "neo4j" else "falkordb.log"
            print(f"the run failed; the store's files are kept: {self.data_dir / log}")
        else:
            shutil.rmtree(self.data_dir, ignore_errors=True)


async def run(
    kind: str,
    projects: int,
    requests: int,
    clients: int,
    workers: int,
    cache: bool,
    warmup: int = 0,
    rounds: int = 5,
) -> dict:
    bench_store = BenchStore(kind)
    server = http_floor = None
    failed = True  # until the run has measured every case
    try:
        store = bench_store.start()
        print(f"loading the JCM data and {projects} synthetic projects …", flush=True)
        started = time.perf_counter()
        await store.migrate()
        await load_reference_data(store)
        await load_synthetic(store, projects, seed=1)
        print(f"  loaded in {time.perf_counter() - started:.0f} s", flush=True)
        refs = [f"SYN-{i:05d}" for i in range(1, projects + 1)]
        codes = [r["code"] for r in await store.read("country_codes")]
        sample = await store.read("sample_series", {"limit": 500})
        serials = [f"{s['id']}-{(i * 7919) % s['quantity'] + 1:06d}" for i, s in enumerate(sample)]

        port, http_floor_port = free_port(), free_port()
        env = {
            **os.environ,
            **bench_store.env,
            "JCM_PORT": str(port),
            "JCM_LOG_LEVEL": "WARNING",
            "JCM_POOL_SIZE": "32",
            "JCM_WORKERS": str(workers),
            "JCM_MAX_COST_ANONYMOUS": "1000000",
            "JCM_RESPONSE_CACHE_ENTRIES": "4096" if cache else "0",
        }
        server = start_server(env)
        http_floor = start_http_floor({**env, "JCM_PORT": str(http_floor_port)})
        url = f"http://127.0.0.1:{port}/graphql"
        http_floor_url = f"http://127.0.0.1:{http_floor_port}/floor/"
        await answering(url.replace("/graphql", "/readyz"))
        await answering(http_floor_url)

        cases = [
            Case(
                "country by code, three fields",
                COUNTRY,
                [{"code": c} for c in codes],
                "floor_country",
                [{"code": c} for c in codes],
            ),
            Case(
                "country with a page of 10 of its projects",
                COUNTRY_PROJECTS,
                [{"code": c} for c in codes],
                "floor_country_projects",
                [{"code": c, "limit": 10} for c in codes],
            ),
            Case(
                "project by ref, full neighbourhood",
                NEIGHBOURHOOD,
                [{"ref": r} for r in refs],
                "floor_project_neighbourhood",
                [{"ref": r} for r in refs],
            ),
            Case(
                "page of 50 projects with country, technologies, funding",
                PAGE,
                [{}],
                "floor_project_page",
                [{"limit": 50}],
            ),
            Case(
                "stats by country and year",
                STATS,
                [{}],
                "floor_stats_country_year",
                [{}],
            ),
            Case("search", SEARCH, [{}], "search", [{"text": "solar project", "first": 10}]),
            Case(
                "traceCredit of a synthetic unit",
                TRACE,
                [{"serial": s} for s in serials],
                "floor_trace_unit",
                [unit_of(s) for s in serials],
            ),
        ]
        api_file = bench_store.data_dir / "case.json"
        http_floor_file = bench_store.data_dir / "http-floor-case.json"

        def sides(case: Case) -> dict[str, Callable[[int], Any]]:
            """The case's three sides: the API and the HTTP floor through the load generator,
            the floor from this process."""
            api_file.write_text(json.dumps({"query": case.query, "variables": case.variables}))
            http_floor_file.write_text(json.dumps({"query": "", "variables": case.floor_params}))

            async def floor_call(i: int) -> int:
                await run_floor(store, case.floor, case.floor_params[i % len(case.floor_params)])
                return 1

            route = http_floor_url + case.floor
            return {
                "api": lambda n: load(url, api_file, n, clients),
                "httpFloor": lambda n: load(route, http_floor_file, n, clients),
                "floor": lambda n: drive(floor_call, n, clients),
            }

        if warmup:
            # Neo4j's JVM compiles its hot paths over the first thousands of queries: measured
            # cold, whichever side runs first pays for it. Every case is run every way before
            # anything is measured.
            print(
                f"\nwarming up: {warmup} requests of each case, through the API, the HTTP floor "
                "and the floor"
            )
            for case in cases:
                for side in sides(case).values():
                    await run_side(side, warmup)
        version = await store.server_version()
        print(
            f"\n{version}: {requests} requests per query in {rounds} rounds, the API, the HTTP "
            f"floor and the floor in turn, {clients} concurrent clients in a separate process, "
            f"{workers} server worker(s), response cache "
            f"{'on' if cache else 'off'}, {projects} synthetic projects, {warmup} requests of "
            "warm-up per case\n"
        )
        header = (
            f"{'query':<56} {'p50 ms':>7} {'p95 ms':>7} {'req/s':>6} {'trips':>5}"
            f" {'HTTP p50':>9} {'HTTP req/s':>10} {'floor p50':>9} {'floor p95':>9}"
            f" {'floor req/s':>11} {'API/floor':>9} {'HTTP/floor':>10} {'errors':>6}"
        )
        print(header)
        print("-" * len(header))
        table = []
        database = bench_store.pid()
        cpu = CpuMeter({"server": server.pid, "httpFloor": http_floor.pid, "database": database})
        for case in cases:
            case_sides = sides(case)
            load(url, api_file, min(requests, 50), clients)  # warm caches
            measured, spent = await alternating(case_sides, requests, rounds, cpu)
            api, http, base_line = measured["api"], measured["httpFloor"], measured["floor"]
            row = {
                "query": case.name,
                "store": version,
                **{k: api[k] for k in ("p50", "p95", "rps", "trips", "failures")},
                "httpFloorP50": http["p50"],
                "httpFloorP95": http["p95"],
                "httpFloorRps": http["rps"],
                "httpFloorFailures": http["failures"],
                "floorP50": base_line["p50"],
                "floorP95": base_line["p95"],
                "floorRps": base_line["rps"],
                "apiOverFloor": api["p50"] / base_line["p50"],
                "httpFloorOverFloor": http["p50"] / base_line["p50"],
                "cpuPerRequestUs": per_request(
                    {
                        "server": spent["api"]["server"],
                        "database": spent["api"]["database"],
                        "loadGenerator": api["cpuSeconds"],
                        "httpFloorServer": spent["httpFloor"]["httpFloor"],
                        "httpFloorDatabase": spent["httpFloor"]["database"],
                        "httpFloorLoadGenerator": http["cpuSeconds"],
                        "floorClient": spent["floor"]["bench"],
                        "floorDatabase": spent["floor"]["database"],
                    },
                    requests,
                ),
            }
            table.append(row)
            print(
                f"{case.name:<56} {row['p50']:>7.1f} {row['p95']:>7.1f} {row['rps']:>6.0f} "
                f"{row['trips']:>5.1f} {row['httpFloorP50']:>9.1f} {row['httpFloorRps']:>10.0f} "
                f"{row['floorP50']:>9.1f} {row['floorP95']:>9.1f} {row['floorRps']:>11.0f} "
                f"{row['apiOverFloor']:>9.2f} {row['httpFloorOverFloor']:>10.2f} "
                f"{row['failures'] + row['httpFloorFailures']:>6}"
            )
        print_cpu(table)
        memory = {"server": tree_memory_mb(server.pid), "database": tree_memory_mb(database)}
        print_memory(memory["server"], memory["database"])
        result = {
            "store": version,
            "projects": projects,
            "requests": requests,
            "clients": clients,
            "workers": workers,
            "responseCache": cache,
            "warmup": warmup,
            "rounds": rounds,
            "cases": table,
            "memory": memory,
        }
        await store.close()
        failed = False
        return result
    finally:
        for process in (server, http_floor):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
        bench_store.stop(keep_files=failed)


def load(url: str, case_file: Path, requests: int, clients: int) -> dict:
    """Runs the load generator in a process of its own and returns what it measured."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.load_client",
            url,
            str(case_file),
            str(requests),
            str(clients),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=["falkordb", "neo4j"], default="falkordb")
    parser.add_argument("--projects", type=int, default=int(os.environ.get("N", 1000)))
    parser.add_argument("--requests", type=int, default=int(os.environ.get("REQUESTS", 300)))
    parser.add_argument("--clients", type=int, default=int(os.environ.get("CLIENTS", 8)))
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("WORKERS", os.cpu_count() or 1))
    )
    parser.add_argument("--no-cache", action="store_true", help="serve without the response cache")
    parser.add_argument(
        "--warmup",
        type=int,
        default=int(os.environ.get("WARMUP", 1000)),
        help="requests of each case, through the API and the floor, before measuring",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=int(os.environ.get("ROUNDS", 5)),
        help="rounds each case's requests are split into, API and floor in turn",
    )
    parser.add_argument("--out", type=Path, default=Path(os.environ.get("OUT", "bench.json")))
    args = parser.parse_args()
    result = asyncio.run(
        run(
            args.store,
            args.projects,
            args.requests,
            args.clients,
            args.workers,
            not args.no_cache,
            args.warmup,
            args.rounds,
        )
    )
    args.out.write_text(json.dumps(result, indent=2))
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
