"""A bench case measured through the API and through its floors in alternating rounds.

On a shared machine the speed drifts by tens of percent within minutes: measured one after
the other (all the API's requests, then all the floor's), a case's API ÷ floor ratio took
whatever the machine did in between (a country with a page took 13.1 ms through the API and
3.3 ms for its floor in one run, 3.0 and 1.5 in the run before). Here the requests
are split into rounds, the sides in turn (API, HTTP floor, floor), each round starting with the
side the round before ended with, and each side's figures are those of all its requests
pooled: the drift falls on all alike.
"""

from __future__ import annotations

import inspect
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


# One side of a case: runs n requests and returns their round (the load generator's side is a
# plain call, the in-process floor's a coroutine).
Side = Callable[[int], Round | Awaitable[Round]]


async def run_side(side: Side, requests: int) -> Round:
    """One side's `requests`, whether it runs them as a plain call or as a coroutine."""
    done = side(requests)
    return await done if inspect.isawaitable(done) else done


async def alternating(
    sides: dict[str, Side], requests: int, rounds: int, cpu: CpuMeter
) -> tuple[dict[str, Round], dict[str, dict[str, float | None]]]:
    """Each side's pooled figures over `rounds` rounds, the sides taking turns in the order
    given and then in reverse, and the CPU each side's rounds used (process_cpu.py)."""
    measured: dict[str, list[Round]] = {name: [] for name in sides}
    spent_by: dict[str, dict[str, float | None]] = {name: {} for name in sides}
    order = list(sides)
    for i, n in enumerate(split(requests, rounds)):
        for name in order if i % 2 == 0 else reversed(order):
            with cpu.span() as spent:
                measured[name].append(await run_side(sides[name], n))
            _add(spent_by[name], spent)
    return {name: pooled(done) for name, done in measured.items()}, spent_by


def _add(total: dict[str, float | None], spent: dict[str, float | None]) -> None:
    for name, value in spent.items():
        before = total.get(name, 0.0)
        total[name] = None if value is None or before is None else before + value
