"""Transcribes the harvest's Joint Committee decisions into `decisions.json`.

    python -m seed.harvest_decisions      # after python -m seed.harvest_merge

Each decision keeps its items as published and is linked to what they name: methodologies by
id, PINs by their reference, TPEs by name (matched as participants are, see harvest_merge).
A methodology that an approval names gets the title, version and approval date the decision
gives it when its own record has none. A decision read from jcm.go.jp is OFFICIAL; one read
from a third party's scrape is SECONDARY and names the page it copies.
"""

from __future__ import annotations

import re
from typing import Any

from seed.harvest_merge import HARVEST, load, org_key, save
from seed.source_kinds import has_official_source

SHORT = {
    "METHODOLOGY_APPROVAL": "MA",
    "METHODOLOGY_REVISION": "MR",
    "TPE_DESIGNATION": "TPE",
    "PIN_NO_OBJECTION": "PIN",
    "RULES_AND_MEETING": "JC",
}
COPIED_FROM = re.compile(r"Parsed from (https://\S+?)[ ,;]")


def tpe_ids(items: list[dict[str, Any]], orgs: list[dict[str, Any]]) -> list[str]:
    by_key = {org_key(o["name"]): o["id"] for o in orgs}
    found = []
    for item in items:
        name = item.get("name") or ""
        short = re.search(r"\(([^)]+)\)\s*$", name)
        for key in (org_key(name), org_key(short.group(1)) if short else None):
            if key and key in by_key:
                found.append(by_key[key])
                break
    return sorted(set(found))


def main() -> None:
    orgs = load("organizations.json")
    methodologies = {m["id"]: m for m in load("methodologies.json")}
    projects = {p["ref"] for p in load("projects.json")}
    decisions: list[dict[str, Any]] = []
    taken: set[str] = set()
    for row in load("decisions.json", HARVEST):
        on = row["decidedOn"]
        base = f"DEC-{row['hostCountry']}-{(on or 'UNDATED').replace('-', '')}-{SHORT[row['type']]}"
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        taken.add(key)
        items = [{k: v for k, v in item.items() if v not in (None, [])} for item in row["items"]]
        ids = [i["id"] for i in items if i.get("id")]
        copied = [m.group(1) for note in row["notes"] for m in COPIED_FROM.finditer(note + " ")]
        record: dict[str, Any] = {
            "id": key,
            "type": row["type"],
            "partnership": f"JP-{row['hostCountry']}",
            "decidedOn": on,
            "body": row["body"],
            "items": items,
            "methodologies": sorted(i for i in ids if i in methodologies),
            "projects": sorted(i for i in ids if i in projects),
            "organizations": tpe_ids(items, orgs) if row["type"] == "TPE_DESIGNATION" else [],
            "note": " ".join(row["notes"]) or None,
            "dataQuality": "OFFICIAL" if has_official_source(row["sources"]) else "SECONDARY",
            "sources": row["sources"],
            "derivedFrom": copied,
        }
        decisions.append({k: v for k, v in record.items() if v not in (None, [])})
        if row["type"] == "METHODOLOGY_APPROVAL":
            for item in items:
                m = methodologies.get(item.get("id", ""))
                if m is None:
                    continue
                filled = False
                # The date given is that of the version listed: a first approval for 1.0 only.
                first = (item.get("version") or "1.0").lower().lstrip("ver") in ("1.0", "01.0")
                for field, value in (
                    ("title", item.get("title")),
                    ("version", item.get("version")),
                    ("proposedAs", item.get("proposedAs")),
                    ("approvedOn" if first else "revisedOn", on),
                ):
                    if value and not m.get(field):
                        m[field], filled = value, True
                if filled:
                    m["sources"] = list(dict.fromkeys(m["sources"] + row["sources"]))
    save("decisions.json", decisions)
    save("methodologies.json", sorted(methodologies.values(), key=lambda m: m["id"]))


if __name__ == "__main__":
    main()
