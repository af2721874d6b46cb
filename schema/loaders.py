"""Per-request batch loading: every relationship field of every object in a response is
fetched with one query per field (not per object), so round trips depend on the shape of the
query, never on the length of its lists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Iterable, Mapping
from typing import Any

from strawberry.dataloader import DataLoader

from cypher.store import GraphStore

Row = dict[str, Any]
MISSING = object()  # what `PrimedLoader.held` answers for a key the request does not hold
_NOTHING: dict[Any, Any] = {}


class PrimedLoader(DataLoader[Any, Any]):
    """A DataLoader that keeps primed values as they are, not each in a future: a compiled
    read primes hundreds of them per page, and a relation's resolver then asks `held`."""

    def __init__(self, load_fn: Any) -> None:
        super().__init__(load_fn=load_fn)
        self.primed: dict[Any, Any] = {}

    def prime_many(self, data: Mapping[Any, Any], force: bool = False) -> None:
        if force:
            self.primed.update(data)
        else:
            for key, value in data.items():
                self.primed.setdefault(key, value)
        if self.batch is not None and not self.batch.dispatched:
            super().prime_many(data, force)  # settles loads already waiting for these keys

    def held(self, key: Any) -> Any:
        """The value for `key` when the request already holds it (primed or loaded), else
        MISSING."""
        value = self.primed.get(key, MISSING)
        if value is MISSING:
            future = self.cache_map.get(key)
            if future is not None and future.done() and future.exception() is None:
                return future.result()
        return value

    def clear(self, key: Any) -> None:
        self.primed.pop(key, None)
        if self.cache_map.get(key) is not None:
            super().clear(key)

    def clear_many(self, keys: Iterable[Any]) -> None:
        for key in keys:
            self.clear(key)

    def clear_all(self) -> None:
        self.primed.clear()
        super().clear_all()

    def load(self, key: Any) -> Awaitable[Any]:
        value = self.primed.get(key, MISSING)
        if value is MISSING:
            return super().load(key)
        future = self.loop.create_future()
        future.set_result(value)
        return future


class Loaders:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._loaders: dict[tuple[Any, ...], PrimedLoader] = {}
        # Relation loaders by query name alone: relation fields ask for them per object (a
        # page of 50 projects with three relations, 150 times).
        self._relations: dict[str, PrimedLoader] = {}
        # Relation rows a compiled read gave, per query, for loaders not made yet: a plan
        # reads them here (`held_related`), so the loader is made only where a field needs
        # one (a neighbourhood primes eight; priming them all took about 14 µs a request).
        self._held: dict[str, dict[Any, Any]] = {}

    def related(self, query: str) -> PrimedLoader:
        """Rows of a `{key, node, rel}` query, grouped per key."""
        loader = self._relations.get(query)
        if loader is None:
            loader = self._get(("related", query), lambda keys: self._related(query, keys))
            self._relations[query] = loader
            held = self._held.pop(query, None)
            if held is not None:
                loader.prime_many(held)
        return loader

    def prime_related(self, query: str, per_key: dict[Any, Any]) -> None:
        """`related(query).prime_many(per_key)`, with the loader made only when asked for. The
        dict is kept as given: the caller must not change it afterwards."""
        loader = self._relations.get(query)
        if loader is not None:
            loader.prime_many(per_key)
            return
        held = self._held.get(query)
        if held is None:
            self._held[query] = per_key
        else:  # what the request holds already stays, as prime_many keeps it
            self._held[query] = {**per_key, **held}

    def held_related(self, query: str, key: Any) -> Any:
        """The rows of `query` for `key` when a compiled read primed them, else MISSING."""
        loader = self._relations.get(query)
        if loader is not None:
            return loader.primed.get(key, MISSING)
        return self._held.get(query, _NOTHING).get(key, MISSING)

    def page(self, query: str, first: int, after: Any) -> PrimedLoader:
        """One page per key of a `{key, total, items, hasNext}` query."""
        return self._get(
            ("page", query, first, after),
            lambda keys: self._page(query, keys, first, after),
        )

    def by_key(self, query: str) -> PrimedLoader:
        """A node's properties per key (None when there is no such node)."""
        return self._get(("by_key", query), lambda keys: self._by_key(query, keys))

    def _get(self, cache_key: tuple[Any, ...], load: Any) -> PrimedLoader:
        loader = self._loaders.get(cache_key)
        if loader is None:
            loader = PrimedLoader(load)
            self._loaders[cache_key] = loader
        return loader

    async def _related(self, query: str, keys: list[Any]) -> list[list[Row]]:
        grouped: dict[Any, list[Row]] = defaultdict(list)
        for row in await self.store.read_many(query, {"keys": list(keys)}):
            grouped[row["key"]].append(row)
        return [grouped.get(key, []) for key in keys]

    async def _page(self, query: str, keys: list[Any], first: int, after: Any) -> list[Row]:
        params = {"keys": list(keys), "limit": first, "fetch": first + 1, "after": after}
        rows = await self.store.read_many(query, params)
        by_key = {row["key"]: row for row in rows}
        empty = {"total": 0, "items": [], "hasNext": False}
        return [by_key.get(key, {"key": key, **empty}) for key in keys]

    async def _by_key(self, query: str, keys: list[Any]) -> list[Row | None]:
        rows = await self.store.read_many(query, {"keys": list(keys)})
        by_key = {row["key"]: row["node"] for row in rows}
        return [by_key.get(key) for key in keys]
