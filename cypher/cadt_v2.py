"""The CAD Trust v2 file formats: columns, cell encoding, identifiers and the checks a v2
registry applies to an import.

Columns and encodings follow the v2 import template of the CAD Trust reference implementation
(`tests/v2/live-api/data/generate-sample-xlsx.js` at eec73b4); the checks follow its Joi
validations (`src/validations/v2/project-v2.validations.js` at 839dcd4 and
`unit-v2.validations.js` at 25781ab); the pick-lists are `cadt_v2_picklists.json`. In a CSV
cell a list is a JSON array (`["Energy demand"]`), as in the template; numbers are numbers in
JSON and digits in CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

PICKLISTS_FILE = Path(__file__).with_name("cadt_v2_picklists.json")
# JCM Graph's namespace for the UUIDs it gives its records where v2 wants a cadTrust*Id.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/jcm-graph/cadt-v2")

PROJECT_COLUMNS = [
    "projectRegistryName",
    "projectId",
    "projectCreditingProgram",
    "projectName",
    "projectLink",
    "projectDescription",
    "projectSector",
    "projectType",
    "projectSubtype",
    "projectStatus",
    "projectStatusDate",
    "projectUnitMetric",
    "cadTrustProgramId",
]
LOCATION_COLUMNS = [
    "locationCountry",
    "locationRegion",
    "locationGis",
    "locationMapType",
    "locationMapFileLink",
    "cadTrustProjectId",
]
UNIT_COLUMNS = [
    "unitSerialId",
    "unitStartBlock",
    "unitEndBlock",
    "unitCount",
    "unitType",
    "unitVintageYear",
    "unitStatus",
    "unitStatusReason",
    "unitStatusDate",
    "unitRetirementDetail",
    "unitRetirementBeneficiary",
    "unitRetirementBeneficiaryId",
    "unitLink",
    "unitMetric",
    "unitCurrentOwner",
    "unitItmosReferenceId",
    "marketplace",
    "marketplaceLink",
    "marketplaceIdentifier",
    "cadTrustIssuanceId",
]
COLUMNS = {"projects": PROJECT_COLUMNS, "locations": LOCATION_COLUMNS, "units": UNIT_COLUMNS}
# The identifiers a v2 registry gives its own records, present in its API's JSON.
RECORD_IDS = {"projects": "cadTrustProjectId", "locations": None, "units": "cadTrustUnitId"}
LIST_COLUMNS = {"projectSector", "projectType"}
NUMBER_COLUMNS = {"unitCount", "unitVintageYear"}
# ISO code -> v2 locationCountry name, where the pick-list's name is not ours.
COUNTRY_NAMES = {
    "LA": "Lao People's Democratic Republic",
    "MD": "Republic of Moldova",
    "KG": "Kyrgyzstan",
    "GB": "United Kingdom of Great Britain and Northern Ireland",
}


def cadt_uuid(kind: str, key: str) -> str:
    """The stable UUID JCM Graph gives one of its records in v2 files (CONSTRUCTED)."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


@cache
def picklists() -> dict[str, list[str]]:
    return json.loads(PICKLISTS_FILE.read_text("utf-8"))["lists"]


# ---------------------------------------------------------------- encoding and decoding


def csv_cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column in LIST_COLUMNS:
        return json.dumps(list(value), ensure_ascii=False, separators=(",", ":"))
    return str(value)


def csv_header(columns: list[str]) -> str:
    return ",".join(columns) + "\n"


def csv_line(columns: list[str], record: dict[str, Any]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([csv_cell(c, record.get(c)) for c in columns])
    return out.getvalue()


class FormatError(ValueError):
    """The file is neither a v2 CSV nor a v2 JSON list of records."""


# The column that tells each sheet apart (other columns may be left out of a file).
IDENTIFYING = {"projects": "projectId", "units": "unitSerialId", "locations": "locationCountry"}


def kind_of(columns: list[str]) -> str:
    for kind, column in IDENTIFYING.items():
        if column in columns:
            return kind
    raise FormatError(
        "the columns match no CAD Trust v2 sheet (projects, locations or units); "
        f"found: {', '.join(columns[:8])}"
    )


def read_table(text: str) -> tuple[str, list[dict[str, Any]]]:
    """A v2 file (CSV with a header row, or a JSON list) as its kind and decoded records."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise FormatError(f"not valid JSON: {exc.msg} (line {exc.lineno})") from None
        if not all(isinstance(r, dict) for r in records):
            raise FormatError("a JSON file must be a list of records (objects)")
        columns = list(records[0]) if records else PROJECT_COLUMNS
        return kind_of(columns), records
    reader = csv.DictReader(io.StringIO(text))
    kind = kind_of(list(reader.fieldnames or []))
    return kind, [_decoded(row) for row in reader]


def _decoded(row: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column, cell in row.items():
        if cell == "" or cell is None:
            out[column] = None
        elif column in LIST_COLUMNS:
            try:
                out[column] = json.loads(cell)
            except json.JSONDecodeError:
                out[column] = cell  # left for the check to report
        elif column in NUMBER_COLUMNS and re.fullmatch(r"-?\d+(\.\d+)?", cell):
            out[column] = float(cell) if "." in cell else int(cell)
        else:
            out[column] = cell
    return out


# ---------------------------------------------------------------- checks


@dataclass(frozen=True)
class Rule:
    required: bool = False
    max_length: int | None = None
    kind: str = "string"  # string, list, date, uri, uuid, number, integer
    picklist: str | None = None
    minimum: float | None = None
    maximum: float | None = None


RULES: dict[str, dict[str, Rule]] = {
    "projects": {
        "projectRegistryName": Rule(required=True, max_length=255),
        "projectId": Rule(required=True, max_length=255),
        "projectCreditingProgram": Rule(max_length=255),
        "projectName": Rule(required=True, max_length=500),
        "projectLink": Rule(max_length=500, kind="uri"),
        "projectDescription": Rule(max_length=2000),
        "projectSector": Rule(kind="list", max_length=255, picklist="projectSector"),
        "projectType": Rule(kind="list", max_length=255, picklist="projectType"),
        "projectSubtype": Rule(max_length=255),
        "projectStatus": Rule(max_length=255, picklist="projectStatus"),
        "projectStatusDate": Rule(kind="date"),
        "projectUnitMetric": Rule(max_length=255, picklist="projectUnitMetric"),
        "cadTrustProgramId": Rule(kind="uuid"),
    },
    "locations": {
        "locationCountry": Rule(required=True, picklist="locationCountry"),
        "locationRegion": Rule(max_length=255),
        "locationGis": Rule(),
        "locationMapType": Rule(picklist="locationMapType"),
        "locationMapFileLink": Rule(kind="uri"),
        "cadTrustProjectId": Rule(required=True),
    },
    "units": {
        "unitSerialId": Rule(required=True),
        "unitStartBlock": Rule(required=True),
        "unitEndBlock": Rule(required=True),
        "unitCount": Rule(kind="number", minimum=0),
        "unitType": Rule(picklist="unitType"),
        "unitVintageYear": Rule(required=True, kind="integer", minimum=1900, maximum=2100),
        "unitStatus": Rule(picklist="unitStatus"),
        "unitStatusReason": Rule(),
        "unitStatusDate": Rule(kind="date"),
        "unitRetirementDetail": Rule(),
        "unitRetirementBeneficiary": Rule(),
        "unitRetirementBeneficiaryId": Rule(),
        "unitLink": Rule(max_length=500, kind="uri"),
        "unitMetric": Rule(picklist="unitMetric"),
        "unitCurrentOwner": Rule(),
        "unitItmosReferenceId": Rule(),
        "marketplace": Rule(),
        "marketplaceLink": Rule(),
        "marketplaceIdentifier": Rule(),
        "cadTrustIssuanceId": Rule(required=True, kind="uuid"),
    },
}
URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$")


def _is_date(value: Any) -> bool:
    try:
        dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return False
    return True


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


KIND_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "string": (lambda v: isinstance(v, str), "must be text"),
    "date": (_is_date, "must be a date (YYYY-MM-DD)"),
    "uri": (lambda v: isinstance(v, str) and bool(URI.match(v)), "must be a URL"),
    "uuid": (_is_uuid, "must be a UUID"),
    "number": (
        lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "must be a number",
    ),
    "integer": (lambda v: isinstance(v, int) and not isinstance(v, bool), "must be a whole number"),
}


def check_record(kind: str, record: dict[str, Any]) -> list[str]:
    """What is wrong with one record, each as `column: problem` (empty when it is valid)."""
    rules = RULES[kind]
    allowed = set(rules) | ({RECORD_IDS[kind]} - {None})
    problems = [f"{c}: not a v2 {kind} column" for c in record if c not in allowed]
    for column, rule in rules.items():
        value = record.get(column)
        if value is None or value == "":
            if rule.required:
                problems.append(f"{column}: required")
            continue
        values = value if rule.kind == "list" else [value]
        if rule.kind == "list" and not isinstance(value, list):
            problems.append(f'{column}: must be a JSON array of text, e.g. ["Solar"]')
            continue
        for item in values:
            problems += _check_value(column, rule, item)
    return problems


def _check_value(column: str, rule: Rule, value: Any) -> list[str]:
    check, message = KIND_CHECKS["string" if rule.kind == "list" else rule.kind]
    if not check(value):
        return [f"{column}: {message} (got {value!r})"]
    problems = []
    if rule.max_length and isinstance(value, str) and len(value) > rule.max_length:
        problems.append(f"{column}: longer than {rule.max_length} characters")
    if rule.minimum is not None and value < rule.minimum:
        problems.append(f"{column}: below {rule.minimum:g}")
    if rule.maximum is not None and value > rule.maximum:
        problems.append(f"{column}: above {rule.maximum:g}")
    if rule.picklist and value not in picklists()[rule.picklist]:
        problems.append(f"{column}: {value!r} is not in the v2 {rule.picklist} pick-list")
    return problems


def check_file(text: str) -> tuple[str, int, list[str]]:
    """A whole file: its kind, its record count and each problem as `record N: ...`."""
    kind, records = read_table(text)
    problems = [
        f"record {n}: {problem}"
        for n, record in enumerate(records, start=1)
        for problem in check_record(kind, record)
    ]
    return kind, len(records), problems
