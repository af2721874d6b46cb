"""FalkorDB adapter: the official `falkordb` asyncio client over a bounded, blocking pool."""

from __future__ import annotations

import asyncio
import functools
import logging
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from redis.asyncio import ConnectionPool
from redis.asyncio.connection import Connection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from cypher import migrations
from cypher.errors import ConstraintViolation, QueryTimeout, StoreError, StoreUnavailable
from cypher.falkordb_handles import GraphHandles, command_reply
from cypher.falkordb_replies import reply_rows
from cypher.registry import QUERIES_DIR, QueryRegistry
from cypher.store import GraphStore, Row

log = logging.getLogger("jcm.store.falkordb")
SOCKET_MARGIN_S = 5.0


def cypher_literal(value: Any) -> str:
    """Render a parameter value for FalkorDB's `CYPHER name=value …` header."""
    # Exact-type checks first: a load renders millions of plain values.
    kind = type(value)
    if kind is str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if kind is int:
        return str(value)
    if kind is dict:
        return "{" + ",".join(f"{_map_key(k)}:{cypher_literal(v)}" for k, v in value.items()) + "}"
    if kind is list:
        return "[" + ",".join([cypher_literal(v) for v in value]) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise StoreError(f"parameter value {value} is not a finite number")
        return repr(value)
    if isinstance(value, str):
        return cypher_literal(str(value))
    if isinstance(value, list | tuple):
        return "[" + ",".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return cypher_literal(dict(value))
    raise StoreError(f"unsupported parameter type {type(value).__name__}")


@functools.lru_cache(maxsize=4096)
def _map_key(key: str) -> str:
    if not key or "`" in key:
        raise StoreError(f"map key {key!r} cannot be sent to FalkorDB")
    return f"`{key}`"


def params_header(params: Mapping[str, Any]) -> str:
    if not params:
        return ""
    return "CYPHER " + " ".join(f"{k}={cypher_literal(v)}" for k, v in params.items()) + " "


class FalkorDBStore(GraphStore):
    backend = "falkordb"
    dialect = "falkordb"
    counts_label_in_subquery = False

    def __init__(
        self,
        *,
        graph_name: str,
        unix_socket: str | None = None,
        host: str = "127.0.0.1",
        port: int = 6379,
        pool_size: int = 16,
        timeout_ms: int = 10_000,
        query_dirs: tuple[Path, ...] = (QUERIES_DIR,),
    ) -> None:
        super().__init__(QueryRegistry("falkordb", query_dirs), timeout_ms=timeout_ms)
        # The database stops a query at timeout_ms; the client waits a little longer for that
        # answer (redis-py's own default would give up after 5 s whatever the setting). The
        # client's deadline is one asyncio.timeout around each call (`_deadline`), not redis-py's
        # socket timeouts: those start a task for every command sent (asyncio.wait_for) and a
        # second timer for every answer read, about 33,000 instructions a call (measured).
        self.client_deadline_s = timeout_ms / 1000 + SOCKET_MARGIN_S
        if unix_socket:
            self.address = f"unix://{unix_socket}"
            self._pool = ConnectionPool(
                connection_class=UnixDomainSocketConnection,
                path=unix_socket,
                max_connections=pool_size,
                socket_timeout=None,
                decode_responses=True,
            )
        else:
            self.address = f"falkordb://{host}:{port}"
            self._pool = ConnectionPool(
                connection_class=Connection,
                host=host,
                port=port,
                max_connections=pool_size,
                socket_timeout=None,
                decode_responses=True,
            )
        # Every call takes one of pool_size handles, so the pool never has to refuse one.
        self._handles = GraphHandles(self._pool, graph_name, pool_size)
        self.graph_name = graph_name
        self._version: str | None = None

    def _deadline(self) -> asyncio.Timeout:
        """The client's deadline for one call to the database. Past it the call is cancelled,
        and redis-py drops a connection cancelled mid-command rather than reuse it."""
        return asyncio.timeout(self.client_deadline_s)

    async def _run(self, name: str, text: str, params: dict[str, Any], *, write: bool) -> list[Row]:
        query = params_header(params) + text
        try:
            async with self._deadline():
                # The hot path: take and give back without a context manager's generator.
                graph = await self._handles.take()
                try:
                    command = "GRAPH.QUERY" if write else "GRAPH.RO_QUERY"
                    try:
                        reply = await command_reply(graph, self._command(command, query))
                    except ResponseError as exc:
                        if write or "empty key" not in str(exc):
                            raise
                        # A graph exists from its first write on; GRAPH.QUERY creates it empty.
                        reply = await command_reply(graph, self._command("GRAPH.QUERY", query))
                finally:
                    self._handles.give(graph)
                # Read here rather than by the client's result object (falkordb_replies.py).
                return reply_rows(reply)
        except ResponseError as exc:
            raise _translate(str(exc), name) from exc
        except (TimeoutError, RedisTimeoutError) as exc:
            # The database did not stop the query at its time limit (some operations do not
            # check it): the client gave up past its deadline and dropped the connection.
            # (TimeoutError is an OSError: it is caught before the clause below.)
            raise QueryTimeout("the query ran longer than the time limit", query=name) from exc
        except (RedisConnectionError, OSError) as exc:
            raise StoreUnavailable(
                f"FalkorDB at {self.address} is unreachable", query=name
            ) from exc
        except RedisError as exc:
            raise StoreError(str(exc), query=name) from exc

    def _command(self, command: str, query: str) -> tuple[Any, ...]:
        """A statement as the `falkordb` client sends it: in the compact reply format, with the
        database's own time limit."""
        return (command, self.graph_name, query, "--compact", "timeout", self.timeout_ms)

    async def _explain(self, name: str, text: str, params: dict[str, Any]) -> list[str]:
        try:
            async with self._deadline(), self._handles.one() as graph:
                plan = await graph.execute_command(
                    "GRAPH.EXPLAIN", self.graph_name, params_header(params) + text
                )
        except ResponseError as exc:
            raise _translate(str(exc), name) from exc
        return [str(line).strip() for line in plan]

    async def migrate(self) -> list[str]:
        indexes = await self.read("falkordb_indexes")
        existing = {(row["label"], prop) for row in indexes for prop in row["properties"]}
        fulltext = {
            (row["label"], prop)
            for row in indexes
            for prop, kinds in (row.get("types") or {}).items()
            if "FULLTEXT" in kinds
        }
        created = []
        backfills = []
        for label, prop, statement in migrations.falkordb_index_statements():
            if (label, prop) not in existing:
                self._count()
                await self._run("migrate", statement, {}, write=True)
                created.append(f"index {label}.{prop}")
                if (label, prop) in migrations.BACKFILLS:
                    backfills.append(migrations.BACKFILLS[(label, prop)])
        for query in dict.fromkeys(backfills):
            created.append(f"{query}: {await self.backfill(query)} nodes")
        for label, prop in migrations.FULLTEXT:
            if (label, prop) not in fulltext:
                await self.write("falkordb_create_fulltext_index", {"label": label, "prop": prop})
                created.append(f"fulltext {label}.{prop}")
        async with self._deadline(), self._handles.one() as graph:
            listed = await graph.list_constraints()
        constraints = {
            (c["label"], tuple(c["properties"])) for c in listed if c["type"] == "UNIQUE"
        }
        for label, key in migrations.NODE_KEYS.items():
            if (label, (key,)) not in constraints:
                self._count()
                async with self._deadline(), self._handles.one() as graph:
                    await graph.create_node_unique_constraint(label, key)
                created.append(f"unique {label}.{key}")
        return created

    async def ping(self) -> None:
        try:
            async with self._deadline(), self._handles.one() as graph:
                await graph.client.ping()
        except (RedisError, OSError) as exc:
            raise StoreUnavailable(f"FalkorDB at {self.address} does not answer") from exc

    async def server_version(self) -> str:
        if self._version is None:
            try:
                async with self._deadline(), self._handles.one() as graph:
                    modules = await graph.execute_command("MODULE", "LIST")
            except (RedisError, OSError) as exc:
                raise StoreUnavailable(f"FalkorDB at {self.address} does not answer") from exc
            graph = next((m for m in modules if m.get("name") == "graph"), {"ver": 0})
            ver = int(graph["ver"])  # 41603 means 4.16.3
            self._version = f"FalkorDB {ver // 10000}.{ver // 100 % 100}.{ver % 100}"
        return self._version

    async def drop_graph(self) -> None:
        """Delete this store's whole graph (tests and `jcm seed --reset`)."""
        try:
            async with self._deadline(), self._handles.one() as graph:
                await graph.delete()
        except ResponseError as exc:
            if "empty key" not in str(exc) and "Invalid graph" not in str(exc):
                raise StoreError(str(exc)) from exc

    async def close(self) -> None:
        await self._handles.close()
        await self._pool.disconnect()


def _translate(message: str, name: str) -> StoreError:
    lowered = message.lower()
    if "timed out" in lowered:
        return QueryTimeout("the query ran longer than the time limit", query=name)
    if "constraint violation" in lowered:
        return ConstraintViolation(message, query=name)
    return StoreError(message, query=name)
