"""`jcm seed`: check the seed files, then write them (and optionally synthetic data)."""

from __future__ import annotations

from pathlib import Path

from cypher.store import GraphStore
from seed.reference_graph import build_reference_graph
from seed.seed_files import DATA_DIR, read_seed
from seed.writer import WriteSummary, write_payload


async def load_reference_data(
    store: GraphStore, data_dir: Path = DATA_DIR, *, progress: bool = False
) -> WriteSummary:
    """Validate every seed file (raising SeedError with every problem, writing nothing), then
    write the graph."""
    payload = build_reference_graph(read_seed(data_dir))
    return await write_payload(store, payload, progress=progress)


async def graph_is_empty(store: GraphStore) -> bool:
    rows = await store.read("any_node")
    return not rows


async def seed_if_empty(store: GraphStore) -> WriteSummary | None:
    if not await graph_is_empty(store):
        return None
    return await load_reference_data(store)
