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
    """CPU time spent during a span by the server (its process tree), the database's process
    and this process. Without /proc every figure is None."""

    def __init__(self, server: int, database: int | None) -> None:
        self.server = server
        self.database = database

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
        if not available():
            return {"server": None, "database": None, "bench": None}
        database = tree_cpu_seconds(self.database) if self.database is not None else None
        return {
            "server": tree_cpu_seconds(self.server),
            "database": database,
            "bench": time.process_time(),
        }


def per_request(seconds: dict[str, float | None], requests: int) -> dict[str, float | None]:
    """CPU seconds over a run, as microseconds per request."""
    return {k: None if v is None else v * 1e6 / requests for k, v in seconds.items()}


def print_cpu(table: list[dict]) -> None:
    """Where each case's CPU went: the API's processes against the floor's."""
    print(
        "\nCPU per request, µs: the server (its workers included), the database and the load"
        "\ngenerator for the API; the floor's client and the database for the floor"
    )
    header = (
        f"{'query':<56} {'server':>8} {'database':>9} {'load':>6} {'API':>6}"
        f" {'floor':>7} {'floor DB':>9} {'floor':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in table:
        cpu = row["cpuPerRequestUs"]
        api = [cpu["server"], cpu["database"], cpu["loadGenerator"]]
        floor = [cpu["floorClient"], cpu["floorDatabase"]]
        cells = [*api, _sum(api), *floor, _sum(floor)]
        widths = (8, 9, 6, 6, 7, 9, 7)
        print(
            f"{row['query']:<56} "
            + " ".join(
                "-".rjust(w) if v is None else f"{v:>{w}.0f}"
                for v, w in zip(cells, widths, strict=True)
            )
        )


def _sum(values: list[float | None]) -> float | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)
