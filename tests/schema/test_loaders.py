"""A loader primed by a compiled read holds its values as they are (schema/loaders.py): it
answers them at once, loads only what it does not hold, and forgets what is cleared."""

from __future__ import annotations

from typing import Any

from schema.loaders import MISSING, PrimedLoader


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
