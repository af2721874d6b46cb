"""Merges the second gathering (`seed/harvest/`) into the seed files in `seed/data/`.

    python -m seed.harvest_merge          # rewrites projects, organizations, methodologies

Run it again after editing `seed/harvest/`; it is idempotent. What it decides:

- a project is keyed by its JCM reference, a PIN by its PIN reference, a selection without a
  reference by `X-<country>-<n>` (matched to an existing one by title first);
- placeholders that the harvest identifies (`X-BD-01` is BD002, …) take the real reference and
  keep the old key in `formerRefs`, which `project(ref:)` still resolves;
- a value already in the seed that the harvest contradicts is kept side by side with the
  harvest's in `conflicts`, each with its sources; the official table's value becomes the value;
- the harvest's rows come from a third party's scrape of the official table, so they are
  SECONDARY; a record stays OFFICIAL only when one of its own sources is official;
- technologies are JCM Graph's classification of a title (`technologiesBasis: INFERRED`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from seed.source_kinds import has_official_source

HERE = Path(__file__).parent
HARVEST = HERE / "harvest"
DATA = HERE / "data"

# Placeholders of the first set and the reference the harvest identifies for each.
PLACEHOLDERS = {
    "X-BD-01": "BD002",
    "X-BD-02": "BD004",
    "X-LA-01": "LA001",
    "X-TH-01": "TH014",
    "X-TH-02": "TH001",
    "X-ID-01": "ID024",
    "X-ID-02": "ID002",
    "X-MN-01": "MN001",
}
STATUSES = {
    "REGISTERED": "REGISTERED",
    "ISSUED": "REGISTERED",
    "VALIDATION": "VALIDATION",
    "WITHDRAWN": "WITHDRAWN",
    "PIN": "PIN",
    "MODEL_PROJECT_SELECTED": "SELECTED",
}
RESUBMITTED_AS = {"TH010": "TH015", "TH011": "TH016", "TH012": "TH017", "ID007": "ID010"}
# Disagreements the harvest lists in its notes (README "Conflicts kept"): field -> values with
# the sources that give them, the value the record shows first.
KNOWN_CONFLICTS: dict[str, list[dict[str, Any]]] = {
    "MN004": [
        {
            "field": "estimatedAnnualReduction",
            "values": [
                {"value": "14746", "sources": ["http://gec.jp/jcm/projects/15pro_mgl_01/"]},
                {
                    "value": "14646",
                    "sources": ["https://energytrend.com/news/20160720-10788.html"],
                },
            ],
        }
    ],
    "TH009": [
        {
            "field": "capacity",
            "values": [
                {
                    "value": "30 MW (registered title)",
                    "sources": ["https://www.jcm.go.jp/jc/mn-projects/"],
                },
                {
                    "value": "27 MW (FY2016 model-project selection)",
                    "sources": ["http://www.renewable-ene.info/news_aBp0Kw7zDY_781.html"],
                },
            ],
        },
        {
            "field": "representativeParticipant",
            "values": [
                {
                    "value": "Sharp Energy Solutions Corporation",
                    "sources": ["https://www.jcm.go.jp/jc/mn-projects/"],
                },
                {
                    "value": "Sharp Corporation",
                    "sources": ["http://www.renewable-ene.info/news_aBp0Kw7zDY_781.html"],
                },
            ],
        },
    ],
}
PROGRAMMES = {
    "MOEJ JCM Model Projects": "MOEJ-MODEL",
    "ADB JFJCM": "ADB-JFJCM",
    "NEDO": "NEDO-DEMO",
}

# Title words -> technology of JCM Graph's taxonomy; first match wins, most specific first.
TECHNOLOGY_WORDS: list[tuple[str, str]] = [
    (r"floating (solar|pv)", "floating-solar-pv"),
    (r"(storage battery|battery|bess|mini ?grid)", "solar-pv-storage"),
    (r"(diesel hybrid|pv-diesel)", "pv-diesel-hybrid"),
    (r"(rooftop|roof-top|on roof|on rooftops?)", "rooftop-solar-pv"),
    (r"(solar|photovoltaic|\bpv\b|太陽光)", "solar-pv"),
    (r"(rice husk|biomass|バイオマス)", "biomass-power"),
    (r"(biogas|methane|bio-cng|renewable natural gas|バイオガス)", "biogas"),
    (r"(waste to energy|waste-to-energy|waste incinerat|municipal solid waste)", "waste-to-energy"),
    (r"(absorption chiller|absorption refrigerat)", "absorption-chiller"),
    (r"(chiller|turbo refrigerat)", "centrifugal-chiller"),
    (r"heat only boiler", "heat-only-boiler"),
    (r"(boiler|ボイラ)", "efficient-boiler"),
    (r"(co-?generation|cogeneration|コージェネ)", "cogeneration"),
    (
        r"(natural refrigerant|co2 refrigerant|low-?gwp|fluorocarbon|refrigerant)",
        "natural-refrigerant",
    ),
    (r"(refrigerat|cold storage|freezer)", "efficient-refrigeration"),
    (r"(air[- ]?condition|inverter a/c|空調)", "efficient-air-conditioning"),
    (r"\bled\b|street ?light", "led-lighting"),
    (r"data ?cent(er|re)", "data-center"),
    (r"(inverter|pump)", "inverter-pump"),
    (r"(electrolyz|electrolys)", "efficient-electrolyzer"),
    (r"(power transmission|transmission line|transformer|amorphous)", "efficient-transmission"),
    (r"(power grid|grid operation)", "grid-optimization"),
    (r"(redd\+?|deforestation|forest)", "redd-plus"),
    (r"(hydro|小水力)", "hydro-power"),
    (r"(wind)", "wind-power"),
    (r"(geothermal)", "geothermal-power"),
    (r"(heat pump|heat recovery|waste heat|廃熱)", "industrial-process-efficiency"),
    (
        r"(furnace|burner|kiln|loom|compressor|regenerative|autoclave|injection molding|aerator|"
        r"refinery|stranding)",
        "industrial-process-efficiency",
    ),
    (
        r"(bus|eco-driving|tachograph|vehicle|transport|electric motorcycle)",
        "transport-optimization",
    ),
]
NEW_TECHNOLOGIES = {
    "hydro-power": ("Small and mini hydropower", "RENEWABLE_ENERGY", ["SCOPE-01"]),
    "wind-power": ("Wind power", "RENEWABLE_ENERGY", ["SCOPE-01"]),
    "geothermal-power": ("Geothermal power", "RENEWABLE_ENERGY", ["SCOPE-01"]),
}
ORG_SUFFIXES = re.compile(
    r"\b(co|ltd|limited|inc|corp|corporation|company|pte|pvt|private|plc|llc|jsc|spa|sa|s a|"
    r"tbk|pt|the|public|bhd|sdn|gmbh|kk|k k|formerly.*)\b"
)
GOVERNMENT_WORDS = re.compile(
    r"\b(ministry|government|authority|department|municipal|city of|province|council|agency|"
    r"state|national|ville|municipality)\b",
    re.I,
)


def fold(text: str) -> str:
    """Lower case, accents and punctuation removed: the form two spellings are compared in."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def org_key(name: str) -> str:
    return re.sub(r"\s+", " ", ORG_SUFFIXES.sub(" ", fold(re.sub(r"\(.*?\)", " ", name)))).strip()


def slug(name: str) -> str:
    return re.sub(r"-+", "-", fold(name).replace(" ", "-")).strip("-")[:60].strip("-")


def technologies_for(title: str) -> list[str]:
    lowered = title.lower()
    for pattern, tech in TECHNOLOGY_WORDS:
        if re.search(pattern, lowered):
            return [tech]
    return []


def load(name: str, folder: Path = DATA) -> list[dict[str, Any]]:
    return json.loads((folder / name).read_text("utf-8"))


def save(name: str, records: list[dict[str, Any]]) -> None:
    (DATA / name).write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", "utf-8")


class Organizations:
    """The organization records, found by a folded name or added as SECONDARY companies."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records
        self.by_key = {org_key(r["name"]): r["id"] for r in records}
        self.ids = {r["id"] for r in records}

    def id_for(self, name: str, country: str | None, sources: list[str]) -> str:
        key = org_key(name)
        if key in self.by_key:
            return self.by_key[key]
        base = slug(name) or "organization"
        new_id, n = base, 2
        while new_id in self.ids:
            new_id, n = f"{base}-{n}", n + 1
        kind = "GOVERNMENT" if GOVERNMENT_WORDS.search(name) else "COMPANY"
        self.records.append(
            {
                "id": new_id,
                "name": name,
                "kind": kind,
                "country": country,
                "dataQuality": "SECONDARY",
                "sources": sources,
                "note": "A participant as the JCM's project table lists it; "
                "kind read from the name.",
            }
        )
        self.by_key[key] = new_id
        self.ids.add(new_id)
        return new_id


def participants(row: dict[str, Any], orgs: Organizations) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for part in row["participants"]:
        org = orgs.id_for(part["name"], part.get("country"), row["sources"][:1])
        item: dict[str, Any] = {
            "organization": org,
            "role": "REPRESENTATIVE" if part.get("representative") else "PARTICIPANT",
            "side": "JP" if part.get("country") == "JP" else "PARTNER",
        }
        if part.get("role"):
            item["note"] = f"{part['role']} (as listed)"
        if all(o["organization"] != org for o in out):
            out.append(item)
    return out


def conflict(
    field: str, shown: Any, shown_sources: list[str], other: Any, other_sources: list[str]
) -> dict[str, Any]:
    """Two values that sources give for one field, the one the record shows first."""
    return {
        "field": field,
        "values": [
            {"value": str(shown), "sources": shown_sources},
            {"value": str(other), "sources": other_sources},
        ],
    }


def merged(
    old: dict[str, Any] | None, row: dict[str, Any], key: str, orgs: Organizations
) -> dict[str, Any]:
    """The seed record for one harvest row, keeping what the first set knew."""
    rec: dict[str, Any] = dict(old or {})
    old_sources = list(rec.get("sources", []))
    sources = list(dict.fromkeys(old_sources + row["sources"]))
    conflicts = list(rec.get("conflicts", []))
    title = row["title"]
    placeholder = bool(old) and old["ref"].startswith("X-")
    if old and placeholder and old["ref"] not in PLACEHOLDERS:
        title = old["title"]  # a selection keeps its own wording
    elif (
        old
        and not placeholder
        and old.get("titleComplete") is not False
        and fold(old["title"]) != fold(title)
        and all(c["field"] != "title" for c in conflicts)
    ):
        conflicts.append(conflict("title", title, row["sources"][:1], old["title"], old_sources))
    rec.update(ref=key, officialRef=bool(row["ref"] or row["pinRef"]), title=title)
    rec.pop("titleComplete", None)
    status = STATUSES[row["status"]]
    if old and old.get("status") in ("FINANCED", "SELECTED") and status == "SELECTED":
        status = old["status"]
    rec["status"] = status
    rec["statusAsGiven"] = row["statusAsShown"]
    rec["hostCountry"] = row["hostCountry"]
    if row["registeredOn"]:
        if old and old.get("registeredOn") and old["registeredOn"] != row["registeredOn"]:
            conflicts.append(
                conflict(
                    "registeredOn",
                    row["registeredOn"],
                    row["sources"][:1],
                    old["registeredOn"],
                    old_sources,
                )
            )
        rec["registeredOn"] = row["registeredOn"]
    if row.get("pinNoObjectionOn"):
        rec["pinNoObjectionOn"] = row["pinNoObjectionOn"]
    if key in RESUBMITTED_AS:
        rec["resubmittedAs"] = RESUBMITTED_AS[key]
    if not rec.get("technologies"):
        rec["technologies"] = technologies_for(row["title"])
    rec["technologiesBasis"] = "INFERRED"
    uses = {m["id"]: m for m in rec.get("methodologies", [])}
    versions = {v.split(" ")[0]: v.split(" ", 1)[1] for v in row["methodologyVersions"] if " " in v}
    for mid in row["methodologies"]:
        uses.setdefault(mid, {"id": mid})
        if versions.get(mid):
            uses[mid]["version"] = versions[mid]
    rec["methodologies"] = list(uses.values())
    have = {p["organization"] for p in rec.get("participants", [])}
    rec["participants"] = list(rec.get("participants", [])) + [
        p for p in participants(row, orgs) if p["organization"] not in have
    ]
    programme = PROGRAMMES.get(row["fundingProgramme"] or "")
    if programme and all(f["programme"] != programme for f in rec.get("funding", [])):
        funding: dict[str, Any] = {"programme": programme}
        if row["fundingYear"]:
            funding["fiscalYear"] = int(row["fundingYear"][2:])
        rec["funding"] = [*rec.get("funding", []), funding]
    reduction = row["expectedAnnualReduction_tCO2"]
    if reduction is not None:
        field = "ghgReductionAsListed" if status == "SELECTED" else "estimatedAnnualReduction"
        rec.setdefault(field, reduction)
    if row["derivedFrom"]:
        rec["derivedFrom"] = row["derivedFrom"]
    note = (old or {}).get("note") or ""
    for extra in row["notes"]:
        if extra not in note:
            note = f"{note} {extra}".strip()
    if note:
        rec["note"] = note
    rec["sources"] = sources
    for known in KNOWN_CONFLICTS.get(key, []):
        if all(c["field"] != known["field"] for c in conflicts):
            conflicts.append(known)
    if conflicts:
        rec["conflicts"] = conflicts
    if old:
        official = old["dataQuality"] == "OFFICIAL" and has_official_source(old_sources)
    else:  # a row read from an official page itself, not from a copy of one
        official = has_official_source(row["sources"]) and not row["derivedFrom"]
    rec["dataQuality"] = "OFFICIAL" if official else "SECONDARY"
    return rec


def selection_key(row: dict[str, Any], existing: dict[str, dict[str, Any]]) -> str:
    for ref, rec in existing.items():
        selection = ref.startswith("X-") and ref not in PLACEHOLDERS
        if selection and fold(rec["title"]) == fold(row["title"]):
            return ref
    country = row["hostCountry"]
    n = 1
    while f"X-{country}-{n:02d}" in existing or f"X-{country}-{n:02d}" in PLACEHOLDERS:
        n += 1
    return f"X-{country}-{n:02d}"


def main() -> None:
    projects = load("projects.json")
    by_ref = {p["ref"]: p for p in projects}
    orgs = Organizations(load("organizations.json"))
    out: dict[str, dict[str, Any]] = {}
    for ref, target in PLACEHOLDERS.items():
        if ref in by_ref:
            by_ref[target] = {**by_ref.pop(ref), "formerRefs": [ref]}
    for row in load("projects.json", HARVEST):
        key = row["ref"] or row["pinRef"] or selection_key(row, by_ref | out)
        out[key] = merged(by_ref.pop(key, None), row, key, orgs)
    for ref, rec in by_ref.items():  # first-set records the harvest does not list
        out[ref] = {**rec, "technologiesBasis": "INFERRED"} if rec.get("technologies") else rec
    save("projects.json", sorted(out.values(), key=lambda r: (r["hostCountry"], r["ref"])))
    save("organizations.json", sorted(orgs.records, key=lambda r: r["id"]))
    methodologies = load("methodologies.json")
    known = {m["id"] for m in methodologies}
    for rec in out.values():
        for use in rec.get("methodologies", []):
            if use["id"] not in known:
                known.add(use["id"])
                methodologies.append(
                    {
                        "id": use["id"],
                        "partnership": f"JP-{use['id'][:2]}",
                        "version": use.get("version"),
                        "dataQuality": "SECONDARY",
                        "sources": rec["sources"][:1],
                        "note": "Known from the JCM's project table, which names the methodology.",
                    }
                )
    save("methodologies.json", sorted(methodologies, key=lambda r: r["id"]))
    technologies = load("technologies.json")
    for tech in technologies:  # the taxonomy is JCM Graph's own, described in seed/README.md
        tech["sources"] = ["seed/README.md"]
        tech["note"] = "JCM Graph's taxonomy, not a JCM list."
    have = {t["id"] for t in technologies}
    for tech, (name, category, sectors) in NEW_TECHNOLOGIES.items():
        if tech not in have:
            technologies.append(
                {
                    "id": tech,
                    "name": name,
                    "category": category,
                    "sectors": sectors,
                    "dataQuality": "SECONDARY",
                    "sources": ["seed/README.md"],
                    "note": "JCM Graph's taxonomy, not a JCM list.",
                }
            )
    save("technologies.json", technologies)


if __name__ == "__main__":
    main()
