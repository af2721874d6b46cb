"""Neo4j adapter: the official async driver with managed transactions (production)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import neo4j
from neo4j import AsyncGraphDatabase, AsyncManagedTransaction
from neo4j import graph as neo4j_graph
from neo4j import time as neo4j_time
from neo4j.exceptions import (
    ClientError,
    ConstraintError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from cypher import migrations
from cypher.errors import ConstraintViolation, QueryTimeout, StoreError, StoreUnavailable
from cypher.registry import QUERIES_DIR, QueryRegistry
from cypher.store import GraphStore, Row

log = logging.getLogger("jcm.store.neo4j")


def plain(value: Any) -> Any:
    """Driver values to plain Python; temporal values become `datetime.date` (DESIGN §3)."""
    if isinstance(value, neo4j_time.Date):
        return value.to_native()
    if isinstance(value, neo4j_time.DateTime):
        return value.to_native().date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, neo4j_graph.Node | neo4j_graph.Relationship | neo4j_graph.Path):
        raise StoreError("queries must return maps (n {.*}), not nodes or relationships")
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class Neo4jStore(GraphStore):
    backend = "neo4j"
    dialect = "neo4j"

    def __init__(
        self,
        *,
        url: str,
        user: str,
        password: str,
        database: str = "neo4j",
        pool_size: int = 16,
        timeout_ms: int = 10_000,
        query_dirs: tuple[Path, ...] = (QUERIES_DIR,),
    ) -> None:
        super().__init__(QueryRegistry("neo4j", query_dirs), timeout_ms=timeout_ms)
        self.address = url
        self.database = database
        # bolt:// talks to one server; neo4j:// and neo4j+s:// route across a cluster.
        self._driver = AsyncGraphDatabase.driver(
            url, auth=(user, password), max_connection_pool_size=pool_size
        )

    async def _run(self, name: str, text: str, params: dict[str, Any], *, write: bool) -> list[Row]:
        query = neo4j.Query(text, timeout=self.timeout_ms / 1000)  # type: ignore[arg-type]

        async def work(tx: AsyncManagedTransaction) -> list[Row]:
            result = await tx.run(query, params)
            return [{k: plain(v) for k, v in record.items()} async for record in result]

        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        try:
            async with self._driver.session(
                database=self.database, default_access_mode=mode
            ) as session:
                if write:
                    return await session.execute_write(work)
                return await session.execute_read(work)
        except ConstraintError as exc:
            raise ConstraintViolation(exc.message or str(exc), query=name) from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.address} is unreachable", query=name) from exc
        except ClientError as exc:
            if exc.code and "TransactionTimedOut" in exc.code:
                raise QueryTimeout("the query ran longer than the time limit", query=name) from exc
            raise StoreError(exc.message or str(exc), query=name) from exc
        except Neo4jError as exc:
            raise StoreError(exc.message or str(exc), query=name) from exc

    async def _explain(self, name: str, text: str, params: dict[str, Any]) -> list[str]:
        try:
            async with self._driver.session(database=self.database) as session:
                result = await session.run(f"EXPLAIN {text}", params)
                summary = await result.consume()
        except Neo4jError as exc:
            raise StoreError(exc.message or str(exc), query=name) from exc
        operators: list[str] = []

        def walk(plan: Any) -> None:
            operators.append(plan["operatorType"] if isinstance(plan, dict) else plan.operator_type)
            for child in plan.get("children", []) if isinstance(plan, dict) else plan.children:
                walk(child)

        if summary.plan:
            walk(summary.plan)
        return operators

    async def migrate(self) -> list[str]:
        existing = {row["name"] for row in await self.read("neo4j_schema_names")}
        created = []
        for statement in migrations.neo4j_statements():
            name = statement.split()[2]
            if name not in existing:
                self._count()
                await self._run("migrate", statement, {}, write=True)
                created.append(name)
        return created

    async def ping(self) -> None:
        try:
            await self._driver.verify_connectivity()
        except (Neo4jError, ServiceUnavailable, OSError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.address} does not answer") from exc

    async def close(self) -> None:
        await self._driver.close()
