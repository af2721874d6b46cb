"""Re-checkable ledger invariants (DESIGN §4): the live blocks of each series tile 1..issued
exactly, so issued = held + retired + cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cypher.store import GraphStore


@dataclass(frozen=True)
class TilingProblem:
    series: str
    kind: str  # OVERLAP, GAP, BEYOND_ISSUED, NOT_CONSERVED, COUNTER_MISMATCH
    detail: str
    blocks: tuple[str, ...] = ()


def tiling_problems(series: str, issued: int, blocks: list[dict[str, Any]]) -> list[TilingProblem]:
    """Problems with one series' live blocks (given in order of `first`)."""
    problems = []
    expected = 1
    previous = None
    for block in blocks:
        if block["first"] < expected and previous is not None:
            problems.append(
                TilingProblem(
                    series,
                    "OVERLAP",
                    f"units {block['first']}-{min(block['last'], expected - 1)} "
                    "are in two live blocks",
                    (previous["id"], block["id"]),
                )
            )
        elif block["first"] > expected:
            problems.append(
                TilingProblem(
                    series,
                    "GAP",
                    f"units {expected}-{block['first'] - 1} are in no live block",
                    (block["id"],),
                )
            )
        expected = max(expected, block["last"] + 1)
        previous = block
    if expected - 1 > issued:
        problems.append(
            TilingProblem(
                series, "BEYOND_ISSUED", f"live blocks reach unit {expected - 1} of {issued} issued"
            )
        )
    elif expected - 1 < issued:
        problems.append(
            TilingProblem(series, "GAP", f"units {expected}-{issued} are in no live block")
        )
    total = sum(b["last"] - b["first"] + 1 for b in blocks)
    if total != issued:
        problems.append(
            TilingProblem(
                series,
                "NOT_CONSERVED",
                f"held + retired + cancelled = {total}, but {issued} were issued",
            )
        )
    return problems


def counter_problems(row: dict[str, Any]) -> list[TilingProblem]:
    """The series' retired / cancelled counters agree with its live blocks."""
    problems = []
    for status, counter in (("RETIRED", "retired"), ("CANCELLED", "cancelled")):
        actual = sum(b["last"] - b["first"] + 1 for b in row["blocks"] if b["status"] == status)
        if actual != row[counter]:
            problems.append(
                TilingProblem(
                    row["series"],
                    "COUNTER_MISMATCH",
                    f"the series counts {row[counter]} {counter}, its blocks {actual}",
                )
            )
    return problems


def suspicious(row: dict[str, Any]) -> bool:
    """Totals that a sound series always has; any difference sends it to the exact check."""
    if row["blocks"] == 0:
        return row["issued"] > 0
    return (
        row["units"] != row["issued"]
        or row["lowest"] != 1
        or row["highest"] != row["issued"]
        or row["liveRetired"] != row["retired"]
        or row["liveCancelled"] != row["cancelled"]
    )


async def ledger_problems(
    store: GraphStore, series_prefix: str = "", *, exhaustive: bool = False
) -> list[TilingProblem]:
    """Tiling and conservation problems. The whole ledger is screened with per-series totals
    and only the series that fail the screen are checked block by block; `exhaustive` checks
    every series block by block (an overlap and a gap of exactly the same size in one series
    pass the screen)."""
    if exhaustive:
        ids = [r["id"] for r in await store.read("series_ids", {"seriesPrefix": series_prefix})]
    else:
        totals = await store.read("series_ledger_totals", {"seriesPrefix": series_prefix})
        ids = [row["series"] for row in totals if suspicious(row)]
    problems: list[TilingProblem] = []
    for start in range(0, len(ids), 500):
        rows = await store.read_many("series_live_blocks", {"seriesIds": ids[start : start + 500]})
        for row in rows:
            blocks = sorted((b for b in row["blocks"] if b), key=lambda b: b["first"])
            row = {**row, "blocks": blocks}
            problems += tiling_problems(row["series"], row["issued"], blocks)
            problems += counter_problems(row)
    return sorted(problems, key=lambda p: (p.series, p.kind))
