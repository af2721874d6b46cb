"""A new ledger is created in one statement per batch: the graph must be exactly the one the
idempotent upserts write, and anything it cannot link is an error, not a dropped row."""

from __future__ import annotations

import pytest

from api.cli import load_synthetic
from cypher.export import dump_json
from cypher.ledger_checks import ledger_problems
from cypher.store import GraphStore
from seed.fresh_ledger import FreshWriteError, ledger_is_new
from seed.graph_payload import GraphPayload
from seed.loader import load_reference_data
from seed.synthetic import synthetic_payloads
from seed.writer import write_payload
from tests.conftest import wipe


async def _load_in_parts(store: GraphStore, *, new_ledger: bool) -> list[bool]:
    """Reference data and 18 synthetic projects in parts of 6; says which parts were new."""
    await store.migrate()
    await load_reference_data(store)
    used = []
    for _, part in synthetic_payloads(18, seed=5, chunk=6):
        fresh = new_ledger and await ledger_is_new(store, part)
        used.append(fresh)
        await write_payload(store, part, new_ledger=fresh, batch_size=700)
    return used


async def _dump(store: GraphStore) -> str:
    return "".join([chunk async for chunk in dump_json(store)])


async def test_a_new_ledger_is_written_exactly_as_the_upserts_write_it(store: GraphStore) -> None:
    used = await _load_in_parts(store, new_ledger=True)
    assert used == [False, True, True, True, False]  # accounts first, deferred links last
    created = await _dump(store)
    assert await ledger_problems(store, exhaustive=True) == []
    await wipe(store)
    await _load_in_parts(store, new_ledger=False)
    assert await _dump(store) == created


async def test_a_part_whose_series_exist_is_not_new(store: GraphStore) -> None:
    await store.migrate()
    await load_reference_data(store)
    parts = [part for _, part in synthetic_payloads(4, seed=2, chunk=4)]
    await write_payload(store, parts[0])
    assert await ledger_is_new(store, parts[1])
    await write_payload(store, parts[1], new_ledger=True)
    assert not await ledger_is_new(store, parts[1])
    # The upserts then find every node as it is.
    again = await write_payload(store, parts[1])
    assert again.changed == 0


async def test_a_second_synthetic_load_changes_nothing(store: GraphStore) -> None:
    await store.migrate()
    await load_reference_data(store)
    first = await load_synthetic(store, 12, seed=3)
    assert first.created["CreditBlock"] > 0
    assert first.linked["link_credit_block_in_series_series"] == first.created["CreditBlock"]
    second = await load_synthetic(store, 12, seed=3)
    assert second.changed == 0


async def test_a_block_whose_series_is_missing_is_an_error(store: GraphStore) -> None:
    await store.migrate()
    await load_reference_data(store)
    parts = [part for _, part in synthetic_payloads(2, seed=2, chunk=2)]
    await write_payload(store, parts[0])
    broken = GraphPayload()
    broken.nodes.update({k: v for k, v in parts[1].nodes.items() if k != "Series"})
    broken.links.update(parts[1].links)
    with pytest.raises(FreshWriteError, match=r"0 of \d+ created"):
        await write_payload(store, broken, new_ledger=True)
