"""The bench's CPU accounting counts a server's worker processes with it (read from /proc)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.benchmarks.process_cpu import available, cpu_seconds, per_request, tree_cpu_seconds

# A child that spends 0.5 s of its own CPU time, says so, and waits to be stopped.
BUSY_CHILD = (
    "import sys, time\n"
    "while time.process_time() < 0.5: pass\n"
    "print('done', flush=True)\n"
    "sys.stdin.read()\n"
)


@pytest.mark.skipif(not available(), reason="needs /proc (Linux)")
def test_a_process_tree_counts_the_cpu_of_its_live_children() -> None:
    before = tree_cpu_seconds(os.getpid()) - cpu_seconds(os.getpid())
    child = subprocess.Popen(
        [sys.executable, "-c", BUSY_CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "done\n"
        children = tree_cpu_seconds(os.getpid()) - cpu_seconds(os.getpid())
        # /proc counts whole clock ticks (1/100 s here), user and system time apart.
        assert cpu_seconds(child.pid) >= 0.45
        assert children - before >= 0.45
    finally:
        child.communicate("")


def test_a_gone_process_has_used_nothing() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert cpu_seconds(child.pid) == 0.0


def test_cpu_per_request_is_in_microseconds_and_keeps_what_was_not_measured() -> None:
    assert per_request({"server": 0.5, "database": None}, 1000) == {
        "server": 500.0,
        "database": None,
    }
