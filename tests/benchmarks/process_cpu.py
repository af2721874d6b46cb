"""The CPU time processes have used, read from /proc (Linux), so that a benchmark can say what
each process spent per request: the server with its workers, the database, the load generator.

On a 2-core machine these share the cores, so their sum per request bounds the rate the API can
serve; latency figures alone do not say which process the time went to.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def available() -> bool:
    return (PROC / "self" / "stat").exists()


def _stat(pid: int) -> list[str] | None:
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    return text[text.rindex(")") + 2 :].split()


def cpu_seconds(pid: int) -> float:
    """User and system time of one live process (0 when it is gone)."""
    fields = _stat(pid)
    if fields is None:
        return 0.0
    # After the name: state, ppid, …; utime and stime are fields 14 and 15 of the whole line.
    return (int(fields[11]) + int(fields[12])) / TICKS


def tree(root: int) -> list[int]:
    """`root` and every live process descended from it (uvicorn's worker processes are its
    children)."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending += children.get(pid, [])
    return found


def tree_cpu_seconds(root: int) -> float:
    """`cpu_seconds` of `root` and of every live process descended from it."""
    return sum(cpu_seconds(pid) for pid in tree(root))


class CpuMeter:
    """CPU time spent during a span by named process trees (a server with its workers, the
    database's process) and by this process (`bench`). Without /proc every figure is None."""

    def __init__(self, processes: dict[str, int | None]) -> None:
        self.processes = processes

    @contextlib.contextmanager
    def span(self) -> Iterator[dict[str, float | None]]:
        spent: dict[str, float | None] = {}
        before = self._now()
        yield spent
        after = self._now()
        for name, value in after.items():
            start = before[name]
            spent[name] = None if value is None or start is None else value - start

    def _now(self) -> dict[str, float | None]:
        measurable = available()
        now: dict[str, float | None] = {
            name: tree_cpu_seconds(pid) if measurable and pid is not None else None
            for name, pid in self.processes.items()
        }
        now["bench"] = time.process_time() if measurable else None
        return now


def per_request(seconds: dict[str, float | None], requests: int) -> dict[str, float | None]:
    """CPU seconds over a run, as microseconds per request."""
    return {k: None if v is None else v * 1e6 / requests for k, v in seconds.items()}


def print_cpu(table: list[dict]) -> None:
    """Where each case's CPU went: the API's processes, the HTTP floor's and the floor's."""
    print(
        "\nCPU per request, µs: the server (its workers included), the database and the load"
        "\ngenerator, for the API and for the HTTP floor; the floor's client and the database"
    )
    header = (
        f"{'query':<56} {'server':>7} {'DB':>6} {'load':>5} {'API':>6}"
        f" {'server':>7} {'DB':>6} {'load':>5} {'HTTP':>6}"
        f" {'client':>7} {'DB':>6} {'floor':>6}"
    )
    print(header)
    print("-" * len(header))
    for row in table:
        cpu = row["cpuPerRequestUs"]
        api = [cpu["server"], cpu["database"], cpu["loadGenerator"]]
        http = [cpu["httpFloorServer"], cpu["httpFloorDatabase"], cpu["httpFloorLoadGenerator"]]
        floor = [cpu["floorClient"], cpu["floorDatabase"]]
        cells = [*api, _sum(api), *http, _sum(http), *floor, _sum(floor)]
        widths = (7, 6, 5, 6, 7, 6, 5, 6, 7, 6, 6)
        print(
            f"{row['query']:<56} "
            + " ".join(
                "-".rjust(w) if v is None else f"{v:>{w}.0f}"
                for v, w in zip(cells, widths, strict=True)
            )
        )


def _sum(values: list[float | None]) -> float | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)
