"""Reading external project records (CSV or JSON) with column presets: CAD Trust v1 and v2
project exports, and a generic CSV. Every row is checked first; problems read
`row N: what is wrong` (N counts data rows from 1).

Generic CSV columns: externalId (required), title (required), country (ISO 3166-1 alpha-2,
required), url, status, participants (separated by ';'), technology, sector, registeredOn
(YYYY-MM-DD), dataQuality (OFFICIAL, SECONDARY or ILLUSTRATIVE).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from cypher.record_matching import registry_key

QUALITIES = ("OFFICIAL", "SECONDARY", "ILLUSTRATIVE")

# preset -> {our field: the column(s) it comes from, first present wins}
PRESETS: dict[str, dict[str, tuple[str, ...]]] = {
    "generic": {
        "externalId": ("externalId",),
        "title": ("title",),
        "country": ("country",),
        "url": ("url",),
        "status": ("status",),
        "participants": ("participants",),
        "technology": ("technology",),
        "sector": ("sector",),
        "registeredOn": ("registeredOn",),
        "dataQuality": ("dataQuality",),
    },
    "cadt-v1": {
        "externalId": ("projectId",),
        "title": ("projectName",),
        "country": ("country", "projectLocations.country", "countryJurisdictionOfOwner"),
        "url": ("projectLink",),
        "status": ("projectStatus",),
        "participants": ("projectDeveloper",),
        "technology": ("projectType",),
        "sector": ("sector",),
        "registeredOn": ("projectStatusDate",),
        "registryOfOrigin": ("registryOfOrigin", "currentRegistry"),
        "methodology": ("methodology",),
        "dataQuality": ("dataQuality",),
    },
    "cadt-v2": {
        "externalId": ("projectId",),
        "title": ("projectName",),
        "country": ("projectHostCountry", "country"),
        "url": ("projectLink",),
        "status": ("projectStatus",),
        "participants": ("projectDeveloper",),
        "technology": ("projectType",),
        "sector": ("projectSector",),
        "registeredOn": ("projectStatusDate",),
        "registryOfOrigin": ("projectRegistryName",),
        "dataQuality": ("dataQuality",),
    },
}


@dataclass
class ExternalRow:
    externalId: str
    title: str
    country: str
    url: str | None = None
    status: str | None = None
    participants: list[str] = field(default_factory=list)
    technology: str | None = None
    sector: str | None = None
    registeredOn: str | None = None
    registryOfOrigin: str | None = None
    methodology: str | None = None
    dataQuality: str = "SECONDARY"


@dataclass
class ParsedFile:
    rows: list[tuple[int, ExternalRow]]
    problems: list[str]


def read_rows(text: str, fmt: str) -> list[dict[str, Any]]:
    if fmt == "json":
        data = json.loads(text)
        if isinstance(data, dict):
            data = data.get("projects") or data.get("records") or []
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ValueError('a JSON import is a list of objects (or {"projects": [...]})')
        return data
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames:
        raise ValueError("the CSV file has no header row")
    return list(reader)


def _value(raw: dict[str, Any], columns: tuple[str, ...]) -> Any:
    for column in columns:
        value = raw.get(column)
        if value not in (None, ""):
            return value
    return None


def _listed(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return _listed(json.loads(text))
        except ValueError:
            pass
    return [part.strip() for part in re.split(r"[;|]", text) if part.strip()]


def parse_records(
    text: str, *, preset: str, fmt: str, countries: set[str], default_quality: str = "SECONDARY"
) -> ParsedFile:
    """Rows mapped through the preset and checked; `countries` are the known ISO codes."""
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; presets are {', '.join(PRESETS)}")
    mapping = PRESETS[preset]
    rows, problems, seen = [], [], set()
    for n, raw in enumerate(read_rows(text, fmt), start=1):
        values = {name: _value(raw, cols) for name, cols in mapping.items()}
        where = f"row {n}"
        errors = []
        ext_id = str(values["externalId"] or "").strip()
        if not ext_id:
            errors.append(f"{mapping['externalId'][0]} is missing")
        elif ext_id in seen:
            errors.append(f"{mapping['externalId'][0]} {ext_id!r} appears twice")
        title = str(values["title"] or "").strip()
        if not title:
            errors.append(f"{mapping['title'][0]} is missing")
        country = str(values["country"] or "").strip().upper()
        if not country:
            errors.append(f"{mapping['country'][0]} is missing")
        elif country not in countries:
            errors.append(f"country {country!r} is not an ISO code this graph knows")
        url = values.get("url")
        if url and not str(url).startswith(("http://", "https://")):
            errors.append(f"url {url!r} is not an http(s) URL")
        registered = values.get("registeredOn")
        if registered:
            try:
                registered = dt.date.fromisoformat(str(registered)[:10]).isoformat()
            except ValueError:
                errors.append(f"date {registered!r} is not YYYY-MM-DD")
        quality = str(values.get("dataQuality") or default_quality).upper()
        if quality not in QUALITIES:
            errors.append(f"dataQuality {quality!r} is not one of {', '.join(QUALITIES)}")
        if errors:
            problems += [f"{where}: {e}" for e in errors]
            continue
        seen.add(ext_id)
        rows.append(
            (
                n,
                ExternalRow(
                    externalId=ext_id,
                    title=title,
                    country=country,
                    url=url,
                    status=values.get("status"),
                    participants=_listed(values.get("participants")),
                    technology=", ".join(_listed(values.get("technology"))) or None,
                    sector=", ".join(_listed(values.get("sector"))) or None,
                    registeredOn=registered,
                    registryOfOrigin=registry_key(values.get("registryOfOrigin")),
                    methodology=values.get("methodology"),
                    dataQuality=quality,
                ),
            )
        )
    return ParsedFile(rows, problems)
