"""The bench's memory figures count a server's worker processes with it (read from /proc)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.benchmarks.process_cpu import available
from tests.benchmarks.process_memory import resident_kb, tree_memory_mb
from tests.benchmarks.test_process_cpu import child_once_it_says

# A child that holds 200 MB it has written to (so it is resident), says so, and waits.
HOLDING_CHILD = (
    "import sys\n"
    "held = bytearray(200 * 1024 * 1024)\n"
    "for i in range(0, len(held), 4096): held[i] = 1\n"
    "print('holding', flush=True)\n"
    "sys.stdin.read()\n"
)


@pytest.mark.skipif(not available(), reason="needs /proc (Linux)")
def test_a_process_tree_counts_the_memory_its_live_children_hold() -> None:
    alone = tree_memory_mb(os.getpid())
    assert alone is not None
    with child_once_it_says(HOLDING_CHILD, "holding") as pid:
        held = resident_kb(pid)
        assert held is not None
        rss, peak = held
        assert rss >= 200 * 1024
        assert peak >= rss
        with_child = tree_memory_mb(os.getpid())
        assert with_child is not None
        assert with_child["processes"] >= alone["processes"] + 1
        assert with_child["residentMb"] - alone["residentMb"] >= 190
        assert with_child["peakMb"] >= with_child["residentMb"]


def test_a_gone_process_holds_nothing() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert resident_kb(child.pid) is None
    assert tree_memory_mb(child.pid) is None
    assert tree_memory_mb(None) is None
