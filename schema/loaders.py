"""Per-request batch loading: every relationship field of every object in a response is
fetched with one query per field (not per object), so round trips depend on the shape of the
query, never on the length of its lists."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from strawberry.dataloader import DataLoader

from cypher.store import GraphStore

Row = dict[str, Any]


class Loaders:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._loaders: dict[tuple[Any, ...], DataLoader] = {}

    def related(self, query: str) -> DataLoader[Any, list[Row]]:
        """Rows of a `{key, node, rel}` query, grouped per key."""
        return self._get(("related", query), lambda keys: self._related(query, keys))

    def page(self, query: str, first: int, after: Any) -> DataLoader[Any, Row]:
        """One page per key of a `{key, total, items, hasNext}` query."""
        return self._get(
            ("page", query, first, after),
            lambda keys: self._page(query, keys, first, after),
        )

    def by_key(self, query: str) -> DataLoader[Any, Row | None]:
        """A node's properties per key (None when there is no such node)."""
        return self._get(("by_key", query), lambda keys: self._by_key(query, keys))

    def _get(self, cache_key: tuple[Any, ...], load: Any) -> DataLoader:
        loader = self._loaders.get(cache_key)
        if loader is None:
            loader = DataLoader(load_fn=load)
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
