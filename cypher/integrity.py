"""`integrityReport`: findings about the ledger and the issuance records, each with its rule,
severity, the records involved and an explanation a researcher can act on."""

from __future__ import annotations

from dataclasses import dataclass

from cypher.dates import DATE_MAX, DATE_MIN
from cypher.ledger_checks import ledger_problems
from cypher.store import GraphStore

# The largest issuance the API accepts: the JCM's whole target to FY2030 (100 Mt).
MAX_UNITS = 100_000_000

RULES = {
    "OVERLAPPING_BLOCKS": "ERROR",
    "SERIES_NOT_TILED": "ERROR",
    "SERIES_COUNTERS": "ERROR",
    "MOVED_AFTER_RETIREMENT": "ERROR",
    "BLOCK_HOLDER_MISMATCH": "ERROR",
    "IMPOSSIBLE_VALUE": "ERROR",
    "FIRST_TRANSFER_WITHOUT_ADJUSTMENT": "WARNING",
    "ISSUANCE_TOTAL_MISMATCH": "WARNING",
    "GOJ_SHARE_BELOW_HALF": "WARNING",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    records: tuple[str, ...]
    explanation: str


def _impossible(row: dict) -> str:
    what = f"{row['kind']} {row['id']}"
    if not 1 <= row["quantity"] <= MAX_UNITS:
        return f"{what} has a quantity of {row['quantity']} (1 to {MAX_UNITS:,} are possible)"
    if row["on"] is not None and not DATE_MIN.isoformat() <= row["on"] <= DATE_MAX.isoformat():
        return f"{what} is dated {row['on']}, outside {DATE_MIN} to {DATE_MAX}"
    return (
        f"{what} is dated {row['on']}, before its series {row['series']} was issued "
        f"on {row['issuedOn']}"
    )


def _union_size(ranges: list[tuple[int, int]]) -> int:
    total, end = 0, 0
    for first, last in sorted(ranges):
        if last > end:
            total += last - max(first, end + 1) + 1
            end = last
    return total


async def integrity_report(
    store: GraphStore, rules: list[str] | None = None, series_prefix: str = ""
) -> list[Finding]:
    wanted = set(rules or RULES)
    findings: list[Finding] = []

    def add(rule: str, records: list[str], explanation: str) -> None:
        if rule in wanted:
            findings.append(Finding(rule, RULES[rule], tuple(records), explanation))

    if wanted & {"OVERLAPPING_BLOCKS", "SERIES_NOT_TILED", "SERIES_COUNTERS"}:
        for p in await ledger_problems(store, series_prefix):
            if p.kind == "COUNTER_MISMATCH":
                add("SERIES_COUNTERS", [p.series], f"series {p.series}: {p.detail}")
            else:
                rule = "OVERLAPPING_BLOCKS" if p.kind == "OVERLAP" else "SERIES_NOT_TILED"
                add(rule, [p.series, *p.blocks], f"series {p.series}: {p.detail}")
    if "MOVED_AFTER_RETIREMENT" in wanted:
        rows = await store.read("integrity_moved_after_terminal", {"seriesPrefix": series_prefix})
        for row in rows:
            add(
                "MOVED_AFTER_RETIREMENT",
                [row["id"], row["by"]],
                f"{row['id']} moved units {row['first']}-{row['last']} of {row['series']} "
                f"that {row['by']} had already retired or cancelled",
            )
    if "BLOCK_HOLDER_MISMATCH" in wanted:
        rows = await store.read("integrity_block_holders", {"seriesPrefix": series_prefix})
        for row in rows:
            holder = "no holder" if row["holder"] is None else f"holder {row['holder']}"
            add(
                "BLOCK_HOLDER_MISMATCH",
                [row["id"], row["account"]],
                f"{row['id']} is held in {row['account']} but records {holder}: on Neo4j it "
                "is listed under that holder's blocks, not under the account's",
            )
    if "IMPOSSIBLE_VALUE" in wanted:
        params = {
            "seriesPrefix": series_prefix,
            "maxUnits": MAX_UNITS,
            "minDate": DATE_MIN.isoformat(),
            "maxDate": DATE_MAX.isoformat(),
        }
        for row in await store.read("integrity_impossible_values", params):
            add("IMPOSSIBLE_VALUE", [row["id"]], _impossible(row))
    if "FIRST_TRANSFER_WITHOUT_ADJUSTMENT" in wanted:
        for row in await store.read("integrity_first_transfers", {"seriesPrefix": series_prefix}):
            if not row["adjustments"]:
                add(
                    "FIRST_TRANSFER_WITHOUT_ADJUSTMENT",
                    [row["id"], row["authorization"]],
                    f"{row['id']} first-transferred units {row['first']}-{row['last']} of "
                    f"{row['series']} on {row['on']}, authorized by {row['party']} "
                    f"({row['authorization']}), but no corresponding adjustment is recorded",
                )
    if "ISSUANCE_TOTAL_MISMATCH" in wanted and not series_prefix:
        for row in await store.read("integrity_issuance_totals"):
            add(
                "ISSUANCE_TOTAL_MISMATCH",
                [row["issuance"], *row["series"]],
                f"{row['issuance']}: the Joint Committee notified {row['notified']}, but the "
                f"registry issuances recorded add up to {row['issued']}",
            )
    if "GOJ_SHARE_BELOW_HALF" in wanted and not series_prefix:
        for row in await store.read("integrity_model_project_shares"):
            total = row["total"]
            received = row["share"]
            if received is None and row["gojRanges"]:
                by_series: dict[str, list[tuple[int, int]]] = {}
                for r in row["gojRanges"]:
                    by_series.setdefault(r["series"], []).append((r["first"], r["last"]))
                received = sum(_union_size(v) for v in by_series.values())
            if total and received is not None and received * 2 < total:
                add(
                    "GOJ_SHARE_BELOW_HALF",
                    [row["issuance"], row["project"]],
                    f"model project {row['project']}: the Government of Japan received "
                    f"{received} of {total} credits of {row['issuance']}, less than the half "
                    "model projects must deliver",
                )
    return findings
