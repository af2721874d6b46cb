"""What durability costs: ledger writes a second on the embedded FalkorDB with `appendfsync
always` (the default: no acknowledged write is lost on power loss) and with `everysec`.

For each policy: a fresh embedded database with the JCM data and an issuance of 100,000 units,
then WRITES one-unit transfers out of that holding account, each a full write of the API (plan,
one statement with the audit event), from CLIENTS concurrent writers.
Run: .venv/bin/python -m tests.benchmarks.write_fsync [--writes 400] [--clients 4]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from cypher.embedded import FSYNC_POLICIES, EmbeddedFalkorDB
from cypher.falkordb_store import FalkorDBStore
from cypher.ledger_ops import MoveRequest, Provenance, move_credits
from cypher.registry_writes import record_issuance
from seed.loader import load_reference_data

SOURCE, TARGET = "JP-GOJ-HOLDING", "JP-MAYEKAWA-HOLDING"


async def writes_per_second(fsync: str, writes: int, clients: int) -> float:
    data_dir = Path(tempfile.mkdtemp(prefix="jcm-fsync-", dir="/tmp"))
    db = EmbeddedFalkorDB(data_dir, fsync=fsync)
    db.start()
    store = FalkorDBStore(graph_name="bench", unix_socket=str(db.socket), pool_size=clients + 2)
    try:
        await store.migrate()
        await load_reference_data(store)
        who = Provenance(actor="bench", data_quality="ILLUSTRATIVE")
        await record_issuance(
            store,
            issuance={"id": "ISS-BENCH"},
            project="ID004",
            vintage=2024,
            issued_on=dt.date(2024, 1, 1),
            registry_issuances=[
                {"registry": "JP", "allocations": [{"account": SOURCE, "quantity": 100_000}]}
            ],
            provenance=who,
            idempotency_key=None,
        )
        queue = iter(range(writes))

        async def writer() -> None:
            for _ in queue:
                request = MoveRequest(SOURCE, TARGET, dt.date(2024, 6, 1), quantity=1)
                await move_credits(
                    store,
                    request,
                    action="TRANSFER",
                    provenance=who,
                    idempotency_key=None,
                    expect_kind="HOLDING",
                )

        started = time.perf_counter()
        await asyncio.gather(*(writer() for _ in range(clients)))
        return writes / (time.perf_counter() - started)
    finally:
        await store.close()
        db.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


async def run(writes: int, clients: int) -> None:
    print(f"{writes} one-unit transfers, {clients} concurrent writers, embedded FalkorDB")
    for fsync in FSYNC_POLICIES:
        rate = await writes_per_second(fsync, writes, clients)
        print(f"  appendfsync {fsync:<9} {rate:8.1f} writes/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    asyncio.run(run(args.writes, args.clients))


if __name__ == "__main__":
    main()
