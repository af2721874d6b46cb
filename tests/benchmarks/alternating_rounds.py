"""A bench case measured through the API and through its floor in alternating rounds.

On a shared machine the speed drifts by tens of percent within minutes: measured one after
the other (all the API's requests, then all the floor's), a case's API ÷ floor ratio took
whatever the machine did in between (a country with a page took 13.1 ms through the API and
3.3 ms for its floor in one run, 3.0 and 1.5 in the run before). Here the requests
are split into rounds, API and floor in turn, each round starting with the side the round
before ended with, and each side's figures are those of all its requests pooled: the drift
falls on both alike.
"""

from __future__ import annotations

import statistics
from collections.abc import Awaitable, Callable
from typing import Any

from tests.benchmarks.process_cpu import CpuMeter

# One side's requests of one round: the measured figures, with `latenciesMs` (every request's
# latency) and `elapsed` (seconds), as the load generator and `drive` report them.
Round = dict[str, Any]


def split(requests: int, rounds: int) -> list[int]:
    """`requests` shared out over `rounds` (the first rounds take the remainder)."""
    rounds = max(1, min(rounds, requests))
    share, extra = divmod(requests, rounds)
    return [share + (1 if i < extra else 0) for i in range(rounds)]


def pooled(measured: list[Round]) -> Round:
    """The figures of several rounds of one side as if they were one run: p50 and p95 of
    all the latencies, requests a second over the rounds' own time, round trips per request
    weighted by each round's requests, failures and the load generator's CPU added up."""
    latencies = sorted(ms for one in measured for ms in one["latenciesMs"])
    counts = [len(one["latenciesMs"]) for one in measured]
    elapsed = sum(one["elapsed"] for one in measured)
    trips = [(one.get("trips"), n) for one, n in zip(measured, counts, strict=True)]
    known = [(t, n) for t, n in trips if t is not None]
    failures = [one.get("firstFailure") for one in measured if one.get("firstFailure")]
    cpu = [one.get("cpuSeconds") for one in measured]
    return {
        "p50": statistics.median(latencies) if latencies else None,
        "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)] if latencies else None,
        "rps": len(latencies) / elapsed if elapsed else None,
        "trips": sum(t * n for t, n in known) / sum(n for _, n in known) if known else None,
        "failures": sum(one.get("failures", 0) for one in measured),
        "firstFailure": failures[0] if failures else None,
        "cpuSeconds": None if None in cpu else sum(cpu),
    }


async def alternating(
    api: Callable[[int], Round],
    floor: Callable[[int], Awaitable[Round]],
    requests: int,
    rounds: int,
    cpu: CpuMeter,
) -> tuple[Round, Round, dict[str, float | None], dict[str, float | None]]:
    """The API's and the floor's pooled figures over `rounds` alternating rounds, and the
    CPU each side's rounds used (process_cpu.py)."""
    api_rounds: list[Round] = []
    floor_rounds: list[Round] = []
    api_cpu: dict[str, float | None] = {}
    floor_cpu: dict[str, float | None] = {}
    for i, n in enumerate(split(requests, rounds)):
        sides = ["api", "floor"] if i % 2 == 0 else ["floor", "api"]
        for side in sides:
            with cpu.span() as spent:
                if side == "api":
                    api_rounds.append(api(n))
                else:
                    floor_rounds.append(await floor(n))
            _add(api_cpu if side == "api" else floor_cpu, spent)
    return pooled(api_rounds), pooled(floor_rounds), api_cpu, floor_cpu


def _add(total: dict[str, float | None], spent: dict[str, float | None]) -> None:
    for name, value in spent.items():
        before = total.get(name, 0.0)
        total[name] = None if value is None or before is None else before + value
