"""The embedded FalkorDB: one instance per data directory, private socket, durable data."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cypher.embedded import EmbeddedFalkorDB, EmbeddedStartError
from tests.conftest import new_store


@pytest.fixture
def data_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="jcm-emb-", dir="/tmp"))
    yield path / "db"
    EmbeddedFalkorDB(path / "db").stop()
    shutil.rmtree(path, ignore_errors=True)


def test_starts_on_a_private_unix_socket_and_no_tcp_port(data_dir: Path) -> None:
    db = EmbeddedFalkorDB(data_dir)
    assert db.start() is True
    status = db.status()
    assert status.running
    assert status.pid
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_ISSOCK(db.socket.stat().st_mode)
    # No listening TCP socket (state 0A) belongs to the process.
    tables = Path("/proc/net/tcp").read_text() + Path("/proc/net/tcp6").read_text()
    rows = [line.split() for line in tables.splitlines() if "local_address" not in line]
    listening = {f"socket:[{row[9]}]" for row in rows if row[3] == "0A"}
    assert not listening & open_files(status.pid)


def open_files(pid: int) -> set[str]:
    """What the process's descriptors point to. A descriptor the process closes between the
    listing and its reading (a freshly started server is still closing files) is left out."""
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            found.add(str(fd.readlink()))
        except FileNotFoundError:
            continue
    return found


def test_second_start_on_the_same_data_dir_reuses_the_running_instance(data_dir: Path) -> None:
    first = EmbeddedFalkorDB(data_dir)
    assert first.start() is True
    pid = first.status().pid
    assert EmbeddedFalkorDB(data_dir).start() is False
    assert first.status().pid == pid


async def test_data_survives_a_restart(data_dir: Path) -> None:
    db = EmbeddedFalkorDB(data_dir)
    db.start()
    store = new_store(db, "durable")
    await store.write("create_probe", {"item": 1})
    await store.close()
    db.stop()
    assert not db.status().running
    db.start()
    store = new_store(db, "durable")
    assert await store.read("count_probes") == [{"probes": 1}]
    await store.close()


def servers_on(socket_path: Path) -> list[int]:
    """The processes whose command line names this socket (redis-server's title does)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if str(socket_path).encode() in (proc / "cmdline").read_bytes():
                    found.append(int(proc.name))
            except OSError:
                pass
    return found


@contextlib.contextmanager
def silenced(db: EmbeddedFalkorDB) -> Iterator[int]:
    """Starts `db` and stops its process (SIGSTOP: alive, answering nothing) until the block
    ends; yields its pid."""
    db.start()
    pid = db.status().pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        yield pid
    finally:
        os.kill(pid, signal.SIGCONT)


def test_start_waits_for_a_running_instance_that_is_slow_to_answer(data_dir: Path) -> None:
    db = EmbeddedFalkorDB(data_dir)
    with silenced(db) as pid:  # as busy as can be: it answers nothing for 2 s
        waking = threading.Timer(2.0, os.kill, (pid, signal.SIGCONT))
        waking.start()
        try:
            assert db.start(timeout_s=30) is False  # it waited; it did not start a second one
        finally:
            waking.cancel()
    assert db.status().pid == pid
    assert servers_on(db.socket) == [pid]


def test_status_tells_a_silent_instance_from_a_stopped_one(data_dir: Path) -> None:
    db = EmbeddedFalkorDB(data_dir)
    with silenced(db) as pid:
        silent = db.status()
    assert (silent.running, silent.answering, silent.pid) == (True, False, pid)
    awake = db.status()
    assert (awake.running, awake.answering, awake.pid) == (True, True, pid)
    db.stop()
    stopped = db.status()
    assert (stopped.running, stopped.answering, stopped.pid) == (False, False, None)


def test_start_says_so_when_a_running_instance_never_answers(data_dir: Path) -> None:
    db = EmbeddedFalkorDB(data_dir)
    with silenced(db) as pid, pytest.raises(EmbeddedStartError, match="jcm db stop"):
        db.start(timeout_s=1)
    assert servers_on(db.socket) == [pid]


def test_a_pid_file_naming_another_process_does_not_stop_a_start(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "falkordb.pid").write_text(str(os.getpid()))  # alive, and not a database
    db = EmbeddedFalkorDB(data_dir)
    assert db.start() is True
    assert db.status().pid not in (None, os.getpid())


def test_stop_when_not_running_says_so(data_dir: Path) -> None:
    assert EmbeddedFalkorDB(data_dir).stop() is False


def test_failed_start_names_the_log_file(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    # A corrupt append-only manifest makes redis-server refuse to start.
    (data_dir / "appendonlydir").mkdir()
    (data_dir / "appendonlydir" / "appendonly.aof.manifest").write_text("garbage\n")
    db = EmbeddedFalkorDB(data_dir)
    with pytest.raises(EmbeddedStartError) as caught:
        db.start(timeout_s=10)
    assert str(db.log_file) in str(caught.value)


def test_too_long_data_dir_is_refused_with_advice() -> None:
    db = EmbeddedFalkorDB("/tmp/" + "x" * 120)
    with pytest.raises(EmbeddedStartError, match="JCM_DATA_DIR"):
        db.start()


def test_queries_run_without_openmp_threads_of_their_own(data_dir: Path) -> None:
    import redis

    db = EmbeddedFalkorDB(data_dir)
    db.start()
    client = redis.Redis(unix_socket_path=str(db.socket), decode_responses=True)
    try:
        assert client.execute_command("GRAPH.CONFIG", "GET", "OMP_THREAD_COUNT") == [
            "OMP_THREAD_COUNT",
            1,
        ]
    finally:
        client.close()


@pytest.mark.parametrize(("given", "expected"), [(None, "always"), ("everysec", "everysec")])
def test_every_write_reaches_the_disk_before_its_answer_unless_told_otherwise(
    data_dir: Path, given: str | None, expected: str
) -> None:
    import redis

    db = EmbeddedFalkorDB(data_dir) if given is None else EmbeddedFalkorDB(data_dir, fsync=given)
    db.start()
    client = redis.Redis(unix_socket_path=str(db.socket), decode_responses=True)
    try:
        assert client.config_get("appendfsync") == {"appendfsync": expected}
        assert client.config_get("appendonly") == {"appendonly": "yes"}
    finally:
        client.close()


async def test_the_log_of_writes_is_compacted_so_a_restart_does_not_replay_it(
    data_dir: Path,
) -> None:
    import redis

    db = EmbeddedFalkorDB(data_dir)
    db.start()
    store = new_store(db, "compacted", url=None)
    for _ in range(200):  # about 6 MB of logged writes
        await store.write("create_probe", {"item": "x" * 30_000})
    await store.close()
    client = redis.Redis(unix_socket_path=str(db.socket), decode_responses=True)
    try:
        assert client.config_get("auto-aof-rewrite-min-size") == {
            "auto-aof-rewrite-min-size": str(4 * 1024 * 1024)
        }
        # The server checks the log's size on its own clock (serverCron): wait for it.
        for _ in range(100):
            persistence = client.info("persistence")
            if persistence["aof_rewrites"] >= 1:
                break
            await asyncio.sleep(0.1)
        assert persistence["aof_rewrites"] >= 1, persistence
    finally:
        client.close()
    db.stop()
    db.start()
    store = new_store(db, "compacted", url=None)
    assert await store.read("count_probes") == [{"probes": 200}]
    await store.close()
