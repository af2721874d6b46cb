"""`jcm db status`: what it prints and its exit code (LSB's: 0 running, 3 stopped, 4 unknown)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.cli import main
from cypher.embedded import EmbeddedFalkorDB
from tests.cypher.test_embedded import silenced


@pytest.fixture
def embedded(monkeypatch: pytest.MonkeyPatch) -> Iterator[EmbeddedFalkorDB]:
    path = Path(tempfile.mkdtemp(prefix="jcm-cli-", dir="/tmp"))
    monkeypatch.setenv("JCM_DATA_DIR", str(path))
    monkeypatch.delenv("JCM_GRAPH_URL", raising=False)
    db = EmbeddedFalkorDB(path)
    yield db
    db.stop()
    shutil.rmtree(path, ignore_errors=True)


def test_db_status_of_a_stopped_database_says_stopped(
    embedded: EmbeddedFalkorDB, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "status"]) == 3
    assert capsys.readouterr().out.startswith("stopped\n")


def test_db_status_of_a_running_database_names_its_process(
    embedded: EmbeddedFalkorDB, capsys: pytest.CaptureFixture[str]
) -> None:
    embedded.start()
    assert main(["db", "status"]) == 0
    assert capsys.readouterr().out.startswith(f"running (pid {embedded.status().pid})\n")


def test_db_status_of_a_silent_database_says_it_runs_and_how_to_stop_it(
    embedded: EmbeddedFalkorDB, capsys: pytest.CaptureFixture[str]
) -> None:
    with silenced(embedded) as pid:
        code = main(["db", "status"])
    out = capsys.readouterr().out
    assert code == 4
    assert out.startswith(f"running (pid {pid}) but not answering")
    assert "jcm db stop" in out
