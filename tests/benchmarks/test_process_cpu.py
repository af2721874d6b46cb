"""The bench's CPU accounting counts a server's worker processes with it (read from /proc)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.benchmarks.process_cpu import available, cpu_seconds, per_request, tree_cpu_seconds

# A child that spends 0.5 s of its own CPU time, says so, and waits to be stopped.
BUSY_CHILD = (
    "import sys, time\n"
    "while time.process_time() < 0.5: pass\n"
    "print('done', flush=True)\n"
    "sys.stdin.read()\n"
)


@contextlib.contextmanager
def child_once_it_says(code: str, word: str) -> Iterator[int]:
    """A Python child running `code`, once it has printed `word` (then it waits on its
    stdin); yields its pid and lets it end when the block does."""
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == f"{word}\n"
        yield child.pid
    finally:
        child.communicate("")


@pytest.mark.skipif(not available(), reason="needs /proc (Linux)")
def test_a_process_tree_counts_the_cpu_of_its_live_children() -> None:
    before = tree_cpu_seconds(os.getpid()) - cpu_seconds(os.getpid())
    with child_once_it_says(BUSY_CHILD, "done") as pid:
        children = tree_cpu_seconds(os.getpid()) - cpu_seconds(os.getpid())
        # /proc counts whole clock ticks (1/100 s here), user and system time apart.
        assert cpu_seconds(pid) >= 0.45
        assert children - before >= 0.45


def test_a_gone_process_has_used_nothing() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert cpu_seconds(child.pid) == 0.0


def test_cpu_per_request_is_in_microseconds_and_keeps_what_was_not_measured() -> None:
    assert per_request({"server": 0.5, "database": None}, 1000) == {
        "server": 500.0,
        "database": None,
    }
