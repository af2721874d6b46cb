"""The store port: the one interface above which nothing knows which database runs.

Named read query, named write query, migrate, ping, close. Results are lists of plain dicts
whose values are str, int, float, bool, None, list, dict or `datetime.date`.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any

from cypher.errors import ConstraintViolation, InvalidText
from cypher.packed_rows import pack
from cypher.registry import QueryRegistry

log = logging.getLogger("jcm.store")

Row = dict[str, Any]
Params = Mapping[str, Any]

# Nodes a backfill sets per transaction: 1.14 million blocks (10x the synthetic data) in 23.
BACKFILL_BATCH = 50_000

# Counts database round trips for the current request (set by the API per request).
_round_trips: ContextVar[list[int] | None] = ContextVar("jcm_round_trips", default=None)


class counting_round_trips:  # lower case: used as the function it was
    """Count the round trips made inside the block (`n[0]` after `with … as n`). A class, not
    a generator-based context manager: every request enters one, and the generator's
    machinery cost four times as much."""

    __slots__ = ("_token",)

    def __enter__(self) -> list[int]:
        counter = [0]
        self._token = _round_trips.set(counter)
        return counter

    def __exit__(self, *exc: object) -> None:
        _round_trips.reset(self._token)


def to_param(value: Any) -> Any:
    """Parameters are sent as JSON-like values; dates travel as ISO strings (queries use date())."""
    # Exact-type checks first: a load sends millions of plain values through here.
    kind = type(value)
    if kind is str:
        return _checked_text(value)
    if value is None or kind is int or kind is bool or kind is float:
        return value
    if kind is dict:
        return {k if type(k) is str else str(k): to_param(v) for k, v in value.items()}
    if kind is list:
        return [to_param(v) for v in value]
    if isinstance(value, str):
        return _checked_text(value)
    if isinstance(value, dt.datetime):
        raise TypeError("datetime parameters are not portable: store instants as epoch ms")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_param(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_param(v) for v in value]
    return value


def _checked_text(value: str) -> str:
    if "\x00" in value:
        raise InvalidText("text may not contain a NUL character (U+0000)")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidText("text may not contain an unpaired surrogate") from None
    return value


# Told of every statement run: (query name, seconds, outcome "ok" or the error's class, rows).
QueryObserver = Callable[[str, float, str, int], None]


class GraphStore(ABC):
    """Shared behaviour of the adapters: query lookup, parameter conversion, counting."""

    backend: str
    dialect: str
    address: str
    # Whether `read_many` asks for the rows as one record. Neo4j's driver awaits socket reads
    # for every record: a page of 50 projects cost 2.3 ms of its CPU as rows, 0.8 ms as one
    # record. FalkorDB's client parses one reply either way, a packed one a little more slowly.
    packs_rows = False
    # Whether the store reads a range of an index in the index's order, so that a page in key
    # order needs no sort (cypher/listing.py). FalkorDB sorts whatever it reads.
    reads_index_order = False
    # Whether a count of a whole label inside a larger statement reads the store's count of
    # the label rather than its nodes (Neo4j's count store). FalkorDB's does only when the
    # count is the whole statement: its pages take their unfiltered total from `label_total`.
    counts_label_in_subquery = True

    def __init__(self, registry: QueryRegistry, *, timeout_ms: int) -> None:
        self.registry = registry
        self.timeout_ms = timeout_ms
        self.round_trips = 0
        self.in_flight = 0
        self.observer: QueryObserver | None = None

    async def read(self, name: str, params: Params | None = None) -> list[Row]:
        return await self._named(name, params, write=False)

    async def write(self, name: str, params: Params | None = None) -> list[Row]:
        rows = await self._named(name, params, write=True)
        await self._bump_version()
        return rows

    async def write_text(self, name: str, text: str, params: Params | None = None) -> list[Row]:
        """Run a compiled variant of the named write query `name` (labels from a whitelist)."""
        rows = await self._observed(name, text, to_param(dict(params or {})), write=True)
        await self._bump_version()
        return rows

    async def _bump_version(self) -> None:
        # Every write moves the graph's version on (api/response_cache.py keys on it). It runs
        # after the write commits and before the writer hears back: a read that starts after
        # the write has returned always sees the new version.
        try:
            await self._named("bump_graph_version", {"epoch": uuid.uuid4().hex}, write=True)
        except ConstraintViolation:
            # Two writers created the version node at once; it exists now: move it on.
            await self._named("bump_graph_version", {"epoch": uuid.uuid4().hex}, write=True)

    async def version(self) -> str:
        """The graph's version: changes with every write, never repeats."""
        row = (await self.read("graph_version"))[0]
        return f"{row['epoch'] or '-'}.{row['n']}"

    async def read_text(self, name: str, text: str, params: Params | None = None) -> list[Row]:
        """Run a compiled variant of the named read query `name` (see cypher/listing.py)."""
        return await self._observed(name, text, to_param(dict(params or {})), write=False)

    async def read_many(self, name: str, params: Params | None = None) -> list[Row]:
        """`read` for a query that may return many rows: where the store reads them more cheaply
        as one record (`packs_rows`), they are sent back so (cypher/packed_rows.py)."""
        query = self.registry.get(name)
        return await self.read_text_many(query.name, query.text, params)

    async def read_text_many(self, name: str, text: str, params: Params | None = None) -> list[Row]:
        """`read_text` for a statement that may return many rows, as `read_many`."""
        if not self.packs_rows:
            return await self.read_text(name, text, params)
        packed = pack(text)
        params = to_param(dict(params or {}))
        return await self._observed(name, packed.text, params, write=False, unpack=packed.unpack)

    async def _named(self, name: str, params: Params | None, *, write: bool) -> list[Row]:
        query = self.registry.get(name)
        return await self._observed(
            query.name, query.text, to_param(dict(params or {})), write=write
        )

    async def _observed(
        self,
        name: str,
        text: str,
        params: dict[str, Any],
        *,
        write: bool,
        unpack: Callable[[list[Row]], list[Row]] | None = None,
    ) -> list[Row]:
        self._count()
        self.in_flight += 1
        started = time.perf_counter()
        outcome, rows = "ok", []
        try:
            rows = await self._run(name, text, params, write=write)
            if unpack is not None:
                rows = unpack(rows)
            return rows
        except Exception as exc:
            outcome = type(exc).__name__
            raise
        finally:
            self.in_flight -= 1
            if self.observer is not None:
                self.observer(name, time.perf_counter() - started, outcome, len(rows))

    def _count(self) -> None:
        self.round_trips += 1
        counter = _round_trips.get()
        if counter is not None:
            counter[0] += 1

    @abstractmethod
    async def _run(self, name: str, text: str, params: dict[str, Any], *, write: bool) -> list[Row]:
        """Run one statement in its own transaction and return its rows as plain dicts."""

    async def explain(self, name: str, params: Params | None = None) -> list[str]:
        """The operators of the named query's plan (for index-use checks), without running it."""
        query = self.registry.get(name)
        return await self.explain_text(query.name, query.text, params)

    async def explain_text(self, name: str, text: str, params: Params | None = None) -> list[str]:
        """`explain` for a compiled variant of the named query `name` (as `read_text` runs)."""
        return await self._explain(name, text, to_param(dict(params or {})))

    @abstractmethod
    async def _explain(self, name: str, text: str, params: dict[str, Any]) -> list[str]:
        """Plan operators, one string each, as the database names them."""

    @abstractmethod
    async def migrate(self) -> list[str]:
        """Create every constraint and index that is missing; return what was created."""

    async def backfill(self, query: str, batch: int = BACKFILL_BATCH) -> int:
        """Run a backfill query (cypher/migrations.py BACKFILLS) batch by batch until a batch
        sets fewer than `batch` nodes, so that no one transaction holds the whole graph."""
        total = 0
        while True:
            count = (await self.write(query, {"batch": batch}))[0]["set"]
            total += count
            if count < batch:
                return total

    @abstractmethod
    async def server_version(self) -> str:
        """The database product, version and edition, e.g. `Neo4j 5.26.30 community`."""

    @abstractmethod
    async def ping(self) -> None:
        """Return when the database answers; raise StoreUnavailable otherwise."""

    @abstractmethod
    async def close(self) -> None:
        """Release connections."""
