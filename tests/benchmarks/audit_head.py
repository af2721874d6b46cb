"""What finding the audit chain's head costs as the log grows. Every write and every change-feed
poll reads it. Compared: the full query (`audit_head`, which sorts every event) and the read
the API makes once it has seen a head (`read_head`: `audit_head_from`, by the seq index),
beside a read of one node by its key (`graph_version`) as the least a statement costs.

A store of its own, started in a temporary directory, holds only the events (the JCM data
would not change what these statements read). Each figure is the median of ROUNDS reads, the
statement alone, one at a time, after WARMUP reads of each.
Run: .venv/bin/python -m tests.benchmarks.audit_head [--store falkordb|neo4j]
     [--events 1000 10000 100000] [--rounds 200] [--warmup 500]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import statistics
import time
from collections.abc import Awaitable, Callable

from cypher.audit_chain import read_head
from cypher.store import GraphStore
from tests.benchmarks.read_api import BenchStore

BATCH = 10_000


def event(seq: int) -> dict[str, object]:
    """An event of the size the API appends (a transfer's payload is about 300 characters)."""
    digest = hashlib.sha256(str(seq).encode()).hexdigest()
    return {
        "seq": seq,
        "at": 1_764_547_200_000 + seq,
        "actor": "bench",
        "action": "TRANSFER",
        "payload": json.dumps({"moves": [{"block": f"B-{seq}", "quantity": 1}] * 8}),
        "payloadHash": digest,
        "prevHash": digest,
        "hash": digest,
    }


async def grow_log(store: GraphStore, have: int, want: int) -> None:
    for start in range(have + 1, want + 1, BATCH):
        rows = [event(seq) for seq in range(start, min(start + BATCH, want + 1))]
        await store.write("restore_events", {"rows": rows})


async def median_ms(read: Callable[[], Awaitable[object]], rounds: int, warmup: int) -> float:
    for _ in range(warmup):
        await read()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        await read()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


async def run(kind: str, sizes: list[int], rounds: int, warmup: int) -> None:
    bench_store = BenchStore(kind)
    store = bench_store.start()
    try:
        await store.migrate()
        print(f"the audit head on {kind}: median ms of {rounds} reads, the statement alone")
        print(f"{'events':>9} {'audit_head':>11} {'read_head':>10} {'one node':>9}")
        have = 0
        for want in sorted(sizes):
            await grow_log(store, have, want)
            have = want
            full = await median_ms(lambda: store.read("audit_head"), rounds, warmup)
            hinted = await median_ms(lambda: read_head(store), rounds, warmup)
            one = await median_ms(lambda: store.read("graph_version"), rounds, warmup)
            print(f"{want:>9,} {full:>11.2f} {hinted:>10.2f} {one:>9.2f}")
    finally:
        await store.close()
        bench_store.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=["falkordb", "neo4j"], default="falkordb")
    parser.add_argument("--events", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=500)
    args = parser.parse_args()
    asyncio.run(run(args.store, args.events, args.rounds, args.warmup))


if __name__ == "__main__":
    main()
