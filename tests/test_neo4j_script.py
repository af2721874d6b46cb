"""`neo4j/neo4j.sh report DIR`: what `make test` prints when its Neo4j half fails (the JVM's
long pauses and each server's logged warnings and errors), from the files a run leaves."""

from __future__ import annotations

import subprocess
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / "neo4j" / "neo4j.sh"


def report(directory: Path) -> str:
    done = subprocess.run(
        ["bash", str(SCRIPT), "report", str(directory)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return done.stdout


def debug_log(directory: Path, port: int, *lines: str) -> None:
    logs = directory / f"bolt-{port}" / "logs"
    logs.mkdir(parents=True)
    (logs / "debug.log").write_text("".join(f"{line}\n" for line in lines))


def test_the_report_names_long_pauses_and_logged_problems_of_every_server(
    tmp_path: Path,
) -> None:
    (tmp_path / "gc.log").write_text(
        "[1.000s] GC(1) Pause Full (G1 Compaction Pause) 900M->100M(1024M) 812.345ms\n"
        "[2.000s] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 25M->12M(516M) 11.688ms\n"
        "[3.000s] GC(3) Concurrent Mark Cycle 640.100ms\n"
    )
    debug_log(
        tmp_path,
        17687,
        "2026-12-01 04:00:00.000+0000 INFO  [o.n.k.d.Database] started",
        "2026-12-01 04:00:01.000+0000 WARN  [o.n.k.i.a.i.IndexingService] slow",
    )
    debug_log(tmp_path, 17688, "2026-12-01 04:00:02.000+0000 ERROR [o.n.b.BoltServer] boom")
    out = report(tmp_path)
    assert "812.345ms" in out  # a pause of half a second or more
    assert "11.688ms" not in out  # a short one
    assert "Concurrent Mark Cycle" not in out  # concurrent work, not a pause
    assert "slow" in out  # the first server's warning
    assert "boom" in out  # and the second's error
    assert "started" not in out  # their information lines


def test_a_server_that_logged_no_warning_does_not_end_the_report(tmp_path: Path) -> None:
    debug_log(tmp_path, 17687, "2026-12-01 04:00:00.000+0000 INFO  [o.n.k.d.Database] started")
    debug_log(tmp_path, 17688, "2026-12-01 04:00:02.000+0000 ERROR [o.n.b.BoltServer] boom")
    assert "boom" in report(tmp_path)
