"""A loader primed by a compiled read holds its values as they are (schema/loaders.py): it
answers them at once, loads only what it does not hold, and forgets what is cleared. A
request's relation rows are held before any loader is made for them, and a loader made later
starts with them."""

from __future__ import annotations

from typing import Any

from cypher.store import GraphStore, counting_round_trips
from schema.loaders import MISSING, Loaders, PrimedLoader

TECHNOLOGIES = "project_technologies"


def loader_counting_loads() -> tuple[PrimedLoader, list[list[Any]]]:
    loads: list[list[Any]] = []

    async def load(keys: list[Any]) -> list[str]:
        loads.append(list(keys))
        return [f"loaded {key}" for key in keys]

    return PrimedLoader(load), loads


async def test_a_primed_key_is_held_and_loads_without_a_trip() -> None:
    loader, loads = loader_counting_loads()
    loader.prime_many({"a": [], "b": ["row"]})
    assert loader.held("a") == []  # an empty list is a value held, not a miss
    assert loader.held("b") == ["row"]
    assert await loader.load("b") == ["row"]
    assert loads == []


async def test_a_key_not_primed_is_loaded_then_held() -> None:
    loader, loads = loader_counting_loads()
    loader.prime_many({"a": "primed"})
    assert loader.held("c") is MISSING
    assert await loader.load("c") == "loaded c"
    assert loader.held("c") == "loaded c"
    assert loads == [["c"]]


async def test_priming_keeps_the_first_value_unless_forced() -> None:
    loader, _ = loader_counting_loads()
    loader.prime_many({"a": 1})
    loader.prime_many({"a": 2})
    assert loader.held("a") == 1
    loader.prime_many({"a": 3}, force=True)
    assert loader.held("a") == 3


async def test_priming_settles_a_load_already_waiting() -> None:
    loader, loads = loader_counting_loads()
    waiting = loader.load("a")  # batched, not yet dispatched
    loader.prime_many({"a": "primed"})
    assert await waiting == "primed"
    assert loads == []


async def test_a_cleared_key_is_loaded_again() -> None:
    loader, loads = loader_counting_loads()
    loader.prime_many({"a": "primed", "b": "primed"})
    loader.clear("a")
    assert loader.held("a") is MISSING
    assert await loader.load("a") == "loaded a"
    loader.clear_all()
    assert loader.held("b") is MISSING
    assert loads == [["a"]]


async def test_relation_rows_primed_before_their_loader_is_made_are_held_without_a_trip(
    store: GraphStore,
) -> None:
    loaders = Loaders(store)
    rows = [{"key": "P1", "node": {"id": "solar"}}]
    loaders.prime_related(TECHNOLOGIES, {"P1": rows, "P2": []})
    with counting_round_trips() as trips:
        assert loaders.held_related(TECHNOLOGIES, "P1") == rows
        assert loaders.held_related(TECHNOLOGIES, "P2") == []  # held, and empty
        assert loaders.held_related(TECHNOLOGIES, "P3") is MISSING
        assert loaders.held_related("project_funding", "P1") is MISSING
        assert await loaders.related(TECHNOLOGIES).load("P1") == rows
    assert trips[0] == 0


async def test_relation_rows_primed_twice_keep_the_first_before_and_after_the_loader_is_made(
    store: GraphStore,
) -> None:
    loaders = Loaders(store)
    loaders.prime_related(TECHNOLOGIES, {"P1": ["first"]})
    loaders.prime_related(TECHNOLOGIES, {"P1": ["second"], "P2": ["other"]})
    assert loaders.held_related(TECHNOLOGIES, "P1") == ["first"]
    loader = loaders.related(TECHNOLOGIES)
    assert loader.held("P1") == ["first"]
    assert loader.held("P2") == ["other"]
    loaders.prime_related(TECHNOLOGIES, {"P1": ["third"], "P3": ["more"]})
    assert loaders.held_related(TECHNOLOGIES, "P1") == ["first"]
    assert loaders.held_related(TECHNOLOGIES, "P3") == ["more"]
    assert loaders.related(TECHNOLOGIES) is loader


async def test_a_relation_key_not_primed_is_read_from_the_store(store: GraphStore) -> None:
    loaders = Loaders(store)
    loaders.prime_related(TECHNOLOGIES, {"P1": ["primed"]})
    with counting_round_trips() as trips:
        assert await loaders.related(TECHNOLOGIES).load("NO-SUCH-PROJECT") == []
    assert trips[0] == 1
