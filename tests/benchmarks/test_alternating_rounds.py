"""The bench measures the API and its floor in alternating rounds and pools each side's
rounds (tests/benchmarks/alternating_rounds.py)."""

from __future__ import annotations

import os

from tests.benchmarks.alternating_rounds import alternating, pooled, split
from tests.benchmarks.process_cpu import CpuMeter


def one_round(latencies: list[float], elapsed: float, trips: float, failures: int = 0) -> dict:
    return {
        "latenciesMs": latencies,
        "elapsed": elapsed,
        "trips": trips,
        "failures": failures,
        "firstFailure": "boom" if failures else None,
        "cpuSeconds": 0.5,
    }


def test_the_requests_are_shared_out_over_the_rounds() -> None:
    assert split(1000, 5) == [200] * 5
    assert split(7, 3) == [3, 2, 2]
    assert split(2, 5) == [1, 1]  # never a round of no requests


def test_a_side_s_figures_are_those_of_all_its_requests_pooled() -> None:
    fast = one_round([1.0, 1.0, 1.0], elapsed=1.0, trips=1.0)
    slow = one_round([9.0, 9.0, 9.0, 9.0, 9.0], elapsed=3.0, trips=2.0, failures=1)
    both = pooled([fast, slow])
    # The median of the eight latencies, not the median of the two rounds' medians (5.0).
    assert both["p50"] == 9.0
    assert both["rps"] == 8 / 4.0
    assert both["trips"] == (3 * 1.0 + 5 * 2.0) / 8
    assert both["failures"] == 1
    assert both["firstFailure"] == "boom"
    assert both["cpuSeconds"] == 1.0


async def test_the_sides_take_turns_and_each_round_starts_with_the_side_the_last_ended_with() -> (
    None
):
    order: list[tuple[str, int]] = []

    def through_http(name: str, latency: float):  # the load generator's sides: plain calls
        def side(n: int) -> dict:
            order.append((name, n))
            return one_round([latency] * n, elapsed=0.1, trips=1.0)

        return side

    async def floor(n: int) -> dict:  # the in-process floor: a coroutine
        order.append(("floor", n))
        return one_round([1.0] * n, elapsed=0.1, trips=1.0)

    sides = {
        "api": through_http("api", 3.0),
        "httpFloor": through_http("http", 2.0),
        "floor": floor,
    }
    measured, spent = await alternating(sides, 30, 3, CpuMeter({"server": os.getpid()}))
    assert order == [
        ("api", 10), ("http", 10), ("floor", 10),
        ("floor", 10), ("http", 10), ("api", 10),
        ("api", 10), ("http", 10), ("floor", 10),
    ]  # fmt: skip
    assert [measured[side]["p50"] for side in ("api", "httpFloor", "floor")] == [3.0, 2.0, 1.0]
    assert measured["api"]["rps"] == measured["floor"]["rps"] == 30 / (0.1 + 0.1 + 0.1)
    assert set(spent) == {"api", "httpFloor", "floor"}
    assert set(spent["api"]) == {"server", "bench"}
