"""Merges the harvest's issuances into `issuances.json` and the registry issuances it dates
into `ledger.json`.

    python -m seed.harvest_issuances      # after python -m seed.harvest_merge

An issuance decision names one project (`project`) and, when one decision covered several,
the others in `alsoFor`. A row that names no project, or names one only as a guess ("PW001 or
PW003"), keeps the guess in its note and is not linked to it. A row whose values contradict
the record already here keeps both in `conflicts`.

The ledger gets an ISSUE for every registry-side amount the sources date (the Mongolia table's
Japan-side and partner-side issuances, Japan's 1,009 ITMOs of TH014). Who holds those credits
is not published, so they go to each registry's account for unnamed holders; their unit
numbers are JCM Graph's (`basis` CONSTRUCTED on the series).
"""

from __future__ import annotations

import re
from typing import Any

from seed.harvest_merge import HARVEST, conflict, load, save

TABLE = "https://www.jcm.go.jp/jc/mn-projects-issues"
UNNAMED = {"JP": "JP-UNNAMED-HOLDING", "MN": "MN-UNNAMED-HOLDING"}
CLEAN_REF = re.compile(r"^[A-Z]{2}\d{3}$")
# Decisions the first set holds as one record for two projects: (ref, decidedOn) -> record.
COMBINED = {("MN001", "2016-09-29"): "ISS-MN-2016-1", ("MN002", "2016-09-29"): "ISS-MN-2016-1"}
# Japan's ITMOs of the first Article 6.2 issuance, dated by the MOEJ's press release.
TH014_ITMOS = {
    "id": "TX-TH014-20251111-JP",
    "op": "ISSUE",
    "on": "2025-11-11",
    "issuance": "ISS-TH-ITMO-2025-1",
    "series": "JP-TH014-2021-1",
    "vintage": 2021,
    "to": "JP-GOJ-HOLDING",
    "quantity": 1009,
    "dataQuality": "OFFICIAL",
    "sources": ["https://www.env.go.jp/press/press_01692.html"],
    "note": "The GoJ's 1,009 t of TH014's 2,017 t, issued as ITMOs into Japan's registry on "
    "2025-11-11 (monitoring period 2021).",
}


def refs_of(row: dict[str, Any]) -> list[str]:
    refs = [row["projectRef"]] if row["projectRef"] else list(row["projectRefs"] or [])
    return [r for r in refs if CLEAN_REF.match(r)]


def same(existing: dict[str, Any], ref: str, row: dict[str, Any]) -> bool:
    if existing["project"] != ref:
        return False
    quantity = shares(row, ref)["notifiedTotal"]
    if row["decidedOn"]:
        return existing.get("decidedOn") in (row["decidedOn"], None) and (
            existing.get("decidedOn") == row["decidedOn"]
            or existing.get("notifiedTotal") == quantity
        )
    if quantity is not None:
        return existing.get("notifiedTotal") == quantity
    return bool(row["issuedOn"]) and existing.get("issuedOn") == row["issuedOn"]


def new_id(ref: str, row: dict[str, Any], taken: set[str]) -> str:
    on = row["decidedOn"] or row["issuedOn"] or row.get("announcedOn")
    if not on and row["split"]:
        on = row["split"].get("japanSide_issuedOn")
    base = f"ISS-{ref}-{on[:4]}" if on else f"ISS-{ref}"
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def shares(row: dict[str, Any], ref: str) -> dict[str, Any]:
    split = row["split"] or {}
    by_project = split.get("byProject", {}).get(ref)
    if by_project:
        return {
            "notifiedTotal": by_project["total"],
            "japanGovernmentShare": by_project["japanGovernment"],
            "partnerGovernmentShare": by_project["partnerGovernment"],
        }
    out: dict[str, Any] = {"notifiedTotal": row["quantity_tCO2"]}
    if split.get("japanGovernment") is not None:
        out["japanGovernmentShare"] = split["japanGovernment"]
    if split.get("partnerGovernment") is not None:
        out["partnerGovernmentShare"] = split["partnerGovernment"]
    for side in ("japanSide", "partnerSide"):
        if split.get(f"{side}_notified") is not None:
            out[f"{side}Notified"] = split[f"{side}_notified"]
    return out


def issuance_record(row: dict[str, Any], ref: str, also: list[str], key: str) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": key, "project": ref}
    if also:
        rec["alsoFor"] = also
    for field in ("decidedOn", "issuedOn"):
        if row[field]:
            rec[field] = row[field]
    if row.get("announcedOn"):
        rec["reportedOn"] = row["announcedOn"]
    rec.update({k: v for k, v in shares(row, ref).items() if v is not None})
    mp = row["monitoringPeriod"] or {}
    if mp.get("start") or mp.get("end"):
        rec["monitoringPeriod"] = {
            "id": f"MP-{key.removeprefix('ISS-')}",
            **{k: mp[k] for k in ("start", "end") if mp.get(k)},
        }
    rec["note"] = " ".join(row["notes"]) or None
    rec["dataQuality"] = "SECONDARY"
    rec["sources"] = row["sources"]
    if any("mn-projects-issues" in n for n in row["notes"]):
        rec["derivedFrom"] = [TABLE]
    return {k: v for k, v in rec.items() if v is not None}


def enrich(existing: dict[str, Any], row: dict[str, Any], ref: str, also: list[str]) -> None:
    """Fills what the record lacks; a contradicting value goes to `conflicts`."""
    for field, value in shares(row, ref).items():
        if value is None:
            continue
        if existing.get(field) is None:
            existing[field] = value
        elif existing[field] != value and all(
            c["field"] != field for c in existing.get("conflicts", [])
        ):
            existing.setdefault("conflicts", []).append(
                conflict(field, existing[field], existing["sources"], value, row["sources"])
            )
    if row["decidedOn"] and not existing.get("decidedOn"):
        existing["decidedOn"] = row["decidedOn"]
    if row["issuedOn"] and not (existing.get("issuedOn") or existing.get("japanRegistryIssuedOn")):
        existing["issuedOn"] = row["issuedOn"]
    if also:
        existing["alsoFor"] = sorted(set(existing.get("alsoFor", [])) | set(also))


def ledger_ops(row: dict[str, Any], ref: str, issuance: str) -> list[dict[str, Any]]:
    """ISSUE operations for the registry-side amounts a Mongolia table row dates."""
    split = row["split"] or {}
    mp_end = (row["monitoringPeriod"] or {}).get("end")
    ops = []
    for side, registry in (("japanSide", "JP"), ("partnerSide", "MN")):
        quantity, on = split.get(f"{side}_issued"), split.get(f"{side}_issuedOn")
        if not quantity or not on:
            continue
        vintage = int((mp_end or on)[:4])
        ops.append(
            {
                "id": f"TX-{ref}-{on.replace('-', '')}-{registry}",
                "op": "ISSUE",
                "on": on,
                "issuance": issuance,
                "series": f"{registry}-{ref}-{vintage}-1",
                "vintage": vintage,
                "to": UNNAMED[registry],
                "quantity": quantity,
                "dataQuality": "SECONDARY",
                "sources": row["sources"],
                "derivedFrom": [TABLE],
                "note": f"{'Japan' if registry == 'JP' else 'Mongolia'}'s registry issued "
                f"{quantity} t on {on} (the JCM's Mongolia issuance table); holders not named.",
            }
        )
    return ops


def main() -> None:
    issuances = load("issuances.json")
    ledger = load("ledger.json")
    taken = {i["id"] for i in issuances}
    have_ops = {op["id"] for op in ledger}
    new_ops: list[dict[str, Any]] = []
    for row in load("issuances.json", HARVEST):
        refs = refs_of(row)
        if not refs:
            continue
        split = (row["split"] or {}).get("byProject")
        groups = [[r] for r in refs] if split else [refs]
        for group in groups:
            ref, also = group[0], group[1:]
            if (ref, row["decidedOn"]) in COMBINED:
                # One record already holds this decision for two projects (and Japan's side
                # of it in the ledger): only Mongolia's side is new.
                combined = next(i for i in issuances if i["id"] == COMBINED[ref, row["decidedOn"]])
                combined["alsoFor"] = sorted(
                    {*combined.get("alsoFor", []), *refs, "MN002"} - {combined["project"]}
                )
                new_ops += [
                    {**op, "series": "MN-X-MN-01-2016-1", "issuance": combined["id"]}
                    for op in ledger_ops(row, ref, combined["id"])
                    if op["id"].endswith("-MN") and op["id"] not in have_ops
                ]
                continue
            match = next((i for i in issuances if same(i, ref, row)), None)
            if match is None:
                match = issuance_record(row, ref, also, new_id(ref, row, taken))
                issuances.append(match)
                taken.add(match["id"])
            else:
                enrich(match, row, ref, also)
            if row["hostCountry"] == "MN" and match["id"] != "ISS-MN-2016-1":
                ops = ledger_ops(row, ref, match["id"])
                new_ops += [op for op in ops if op["id"] not in have_ops]
    if TH014_ITMOS["id"] not in have_ops:
        new_ops.append(TH014_ITMOS)
    save("issuances.json", issuances)
    if new_ops:
        ledger = sorted(ledger + new_ops, key=lambda op: op["on"])  # stable: same-day order kept
        save("ledger.json", ledger)


if __name__ == "__main__":
    main()
