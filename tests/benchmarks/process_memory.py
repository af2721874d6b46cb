"""The memory processes hold, read from /proc (Linux), so that a benchmark can say what the
server (with its workers) and the database occupied over a run: resident now, and each
process's own peak (the kernel's high-water mark, VmHWM).
"""

from __future__ import annotations

from tests.benchmarks.process_cpu import PROC, available, tree


def resident_kb(pid: int) -> tuple[int, int] | None:
    """Resident memory of one live process and its peak so far, in KiB (None when it is
    gone)."""
    try:
        lines = (PROC / str(pid) / "status").read_text().splitlines()
    except OSError:
        return None
    values = {}
    for line in lines:
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0])  # "  123456 kB"
    if len(values) < 2:
        return None  # a kernel thread, or a process exiting: no memory of its own
    return values["VmRSS"], values["VmHWM"]


def tree_memory_mb(root: int | None) -> dict[str, float | int] | None:
    """For `root` and the live processes descended from it: how many there are, their
    resident memory together, and their peaks added up, in MB (None without /proc)."""
    if root is None or not available():
        return None
    held = [m for pid in tree(root) if (m := resident_kb(pid)) is not None]
    if not held:
        return None
    return {
        "processes": len(held),
        "residentMb": sum(rss for rss, _ in held) / 1024,
        "peakMb": sum(peak for _, peak in held) / 1024,
    }


def print_memory(server: dict | None, database: dict | None) -> None:
    print("\nMemory at the end of the run, MB: resident now, and the processes' own peaks added")
    for name, held in (("server (its workers included)", server), ("database", database)):
        if held is None:
            print(f"{name:<32} -")
            continue
        print(
            f"{name:<32} {held['residentMb']:>8.0f} resident, {held['peakMb']:>8.0f} peak, "
            f"{held['processes']} process(es)"
        )
