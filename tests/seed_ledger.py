"""Totals computed from the seed files alone, for tests to compare the API's figures with."""

from __future__ import annotations

from seed.reference_graph import replay_ledger
from seed.seed_files import read_seed

RECORDS = read_seed()
LEDGER = replay_ledger(RECORDS)
REAL = ("OFFICIAL", "SECONDARY")
ALL = ("OFFICIAL", "SECONDARY", "ILLUSTRATIVE")


HOST = {p.ref: p.hostCountry for p in RECORDS["projects.json"]}


def ledger_totals(qualities: tuple[str, ...] = REAL, country: str | None = None) -> dict[str, int]:
    """The ledger's totals over series of the given data qualities (and host country) only."""
    series = {
        s.id
        for s in LEDGER.series.values()
        if s.dataQuality in qualities and country in (None, HOST[s.project])
    }
    live = [b for b in LEDGER.blocks.values() if b.status != "SUPERSEDED" and b.series in series]
    return {
        "issued": sum(s.quantity for s in LEDGER.series.values() if s.id in series),
        "held": sum(b.quantity for b in live if b.status == "HELD"),
        "retired": sum(b.quantity for b in live if b.status == "RETIRED"),
        "cancelled": sum(b.quantity for b in live if b.status == "CANCELLED"),
    }


def notified_total(qualities: tuple[str, ...] = REAL, country: str | None = None) -> int:
    """The Joint Committees' notified totals of the issuance records of those qualities."""
    return sum(
        i.notifiedTotal or 0
        for i in RECORDS["issuances.json"]
        if i.dataQuality in qualities and country in (None, HOST[i.project])
    )
