"""Transcribes the MOEJ model-project selection announcements of the harvest.

    python -m seed.harvest_selections     # after python -m seed.harvest_merge

Each announcement becomes a Statistic (metric MODEL_PROJECT_SELECTIONS: how many projects that
round selected, for the programme, dated when the source dates it); each project row it lists
and the graph holds (by reference, else by title and country) gets the announcement's date as
`selectedOn` and its fiscal year on the programme link, where these were unknown.
"""

from __future__ import annotations

import re
from typing import Any

from seed.harvest_merge import HARVEST, PROGRAMMES, fold, load, save
from seed.source_kinds import has_official_source

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def main() -> None:
    statistics = [s for s in load("statistics.json") if s["metric"] != "MODEL_PROJECT_SELECTIONS"]
    projects = load("projects.json")
    by_ref = {p["ref"]: p for p in projects}
    by_title = {(p["hostCountry"], fold(p["title"])): p for p in projects}
    for n, row in enumerate(load("model_project_selections.json", HARVEST), start=1):
        dated = (
            row["announcedOn"]
            if row["announcedOn"] and ISO_DATE.match(row["announcedOn"])
            else None
        )
        year = int(row["fiscalYear"][2:]) if row["fiscalYear"] else None
        programme = PROGRAMMES[row["programme"]]
        stat: dict[str, Any] = {
            "id": f"STAT-SELECTION-{row['fiscalYear'] or 'FY-UNKNOWN'}-{n:02d}",
            "metric": "MODEL_PROJECT_SELECTIONS",
            "value": row["projectCount"],
            "unit": "projects",
            "asOf": dated,
            "asOfPrecision": "DAY" if dated else None,
            "quote": " ".join(row["notes"]),
            "programme": programme,
            "note": None if dated else f"Announcement date as given: {row['announcedOn']}.",
            "dataQuality": "OFFICIAL" if has_official_source(row["sources"]) else "SECONDARY",
            "sources": row["sources"],
        }
        statistics.append({k: v for k, v in stat.items() if v is not None})
        for listed in row["projects"]:
            project = by_ref.get(listed.get("matchedRef") or "") or by_title.get(
                (listed["country"], fold(listed["title"]))
            )
            if project is None:
                continue
            if dated and not project.get("selectedOn") and not project.get("registeredOn"):
                project["selectedOn"] = dated
            for funding in project.get("funding", []):
                if funding["programme"] == programme and year and not funding.get("fiscalYear"):
                    funding["fiscalYear"] = year
            project["sources"] = list(dict.fromkeys(project["sources"] + row["sources"]))
    save("statistics.json", statistics)
    save("projects.json", projects)


if __name__ == "__main__":
    main()
