"""CAD Trust v2 exports: projects, their locations and the units, as CSV (the v2 import
template) or JSON (records as a v2 API returns them), streamed page by page. The v2 files carry
v2 columns only; each record's dataQuality and sources are in the provenance file."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from cypher.cadt_v2 import (
    COLUMNS,
    COUNTRY_NAMES,
    RECORD_IDS,
    cadt_uuid,
    csv_header,
    csv_line,
)
from cypher.store import GraphStore

PAGE = 1000
REGISTRY = "Joint Crediting Mechanism Registry"
PROGRAM = "Joint Crediting Mechanism (JCM)"
# JCM Graph's project status -> the v2 projectStatus pick-list.
STATUS = {
    "REGISTERED": "Registered",
    "VALIDATED": "Validated",
    "VALIDATION": "Listed",
    "PDD": "Listed",
    "PIN": "Listed",
    "SELECTED": "Listed",
    "FINANCED": "Listed",
    "WITHDRAWN": "Withdrawn",
}
UNIT_STATUS = {"HELD": "Held", "RETIRED": "Retired", "CANCELLED": "Cancelled"}
PROVENANCE_COLUMNS = ["sheet", "recordId", "jcmKey", "dataQuality", "sources"]

Record = dict[str, Any]


def _link(sources: list[str]) -> str | None:
    return next((s for s in sources if s.startswith(("http://", "https://"))), None)


def _text(value: str | None, limit: int) -> str | None:
    if value is None or len(value) <= limit:
        return value
    return value[: limit - 1] + "…"


def project_record(row: dict[str, Any]) -> Record:
    return {
        "cadTrustProjectId": cadt_uuid("project", row["ref"]),
        "projectRegistryName": REGISTRY,
        "projectId": row["ref"],
        "projectCreditingProgram": PROGRAM,
        "projectName": _text(row["title"], 500),
        "projectLink": _link(row["sources"]),
        "projectDescription": _text(row["note"], 2000),
        "projectSector": row["sectors"],
        "projectType": row["types"],
        "projectSubtype": _text("; ".join(row["subtypes"]), 255) or None,
        "projectStatus": STATUS.get(row["status"] or "", "Listed"),
        "projectStatusDate": row["statusDate"].isoformat() if row["statusDate"] else None,
        "projectUnitMetric": "tCO2e",
        "cadTrustProgramId": None,
    }


def location_record(row: dict[str, Any], names: dict[str, str]) -> Record:
    code = row["hostCountry"]
    return {
        "locationCountry": COUNTRY_NAMES.get(code, names.get(code, code)),
        "locationRegion": _text(row["location"], 255),
        "locationGis": None,
        "locationMapType": None,
        "locationMapFileLink": None,
        "cadTrustProjectId": cadt_uuid("project", row["ref"]),
    }


def unit_record(row: dict[str, Any]) -> Record:
    retired = row["status"] == "RETIRED"
    return {
        "cadTrustUnitId": cadt_uuid("unit", row["id"]),
        "unitSerialId": row["id"],
        "unitStartBlock": str(row["first"]),
        "unitEndBlock": str(row["last"]),
        "unitCount": row["quantity"],
        "unitType": (row["unitTypes"] or [None])[0],
        "unitVintageYear": row["vintage"],
        "unitStatus": UNIT_STATUS.get(row["status"], row["status"]),
        "unitStatusReason": row["purpose"],
        "unitStatusDate": row["statusDate"].isoformat() if row["statusDate"] else None,
        "unitRetirementDetail": row["purpose"] if retired else None,
        "unitRetirementBeneficiary": row["beneficiary"],
        "unitRetirementBeneficiaryId": None,
        "unitLink": None,
        "unitMetric": "tCO2e",
        "unitCurrentOwner": row["owner"],
        "unitItmosReferenceId": row["authorization"],
        "marketplace": None,
        "marketplaceLink": None,
        "marketplaceIdentifier": None,
        "cadTrustIssuanceId": cadt_uuid("issuance", row["issuance"] or row["series"]),
    }


async def _project_rows(store: GraphStore) -> AsyncIterator[list[dict[str, Any]]]:
    after = None
    while True:
        rows = await store.read_many("export_cadt_projects_page", {"after": after, "limit": PAGE})
        if not rows:
            return
        yield rows
        after = rows[-1]["ref"]


async def series_chunks(store: GraphStore, size: int = 200) -> AsyncIterator[list[str]]:
    """All series ids, in chunks: the ledger is read series by series through its index."""
    ids = [r["id"] for r in await store.read("series_ids", {"seriesPrefix": ""})]
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


async def _unit_rows(store: GraphStore) -> AsyncIterator[list[dict[str, Any]]]:
    async for chunk in series_chunks(store):
        yield await store.read_many("export_cadt_units_by_series", {"series": chunk})


async def _country_names(store: GraphStore) -> dict[str, str]:
    return {r["code"]: r["name"] for r in await store.read("country_names")}


async def records(store: GraphStore, sheet: str) -> AsyncIterator[list[Record]]:
    """The v2 records of one sheet (projects, locations or units), a page at a time."""
    if sheet == "units":
        async for rows in _unit_rows(store):
            yield [unit_record(r) for r in rows]
        return
    names = await _country_names(store) if sheet == "locations" else {}
    async for rows in _project_rows(store):
        if sheet == "projects":
            yield [project_record(r) for r in rows]
        else:
            yield [location_record(r, names) for r in rows]


def _provenance(sheet: str, kind: str, key: str, row: dict[str, Any]) -> Record:
    return {
        "sheet": sheet,
        "recordId": cadt_uuid(kind, key),
        "jcmKey": key,
        "dataQuality": row["dataQuality"],
        "sources": " ".join(row["sources"]),
    }


async def provenance(store: GraphStore) -> AsyncIterator[list[Record]]:
    """For each project and unit record: JCM Graph's key, its dataQuality and sources."""
    async for rows in _project_rows(store):
        yield [_provenance("projects", "project", r["ref"], r) for r in rows]
    async for rows in _unit_rows(store):
        yield [_provenance("units", "unit", r["id"], r) for r in rows]


def as_csv(sheet: str) -> Callable[[GraphStore], AsyncIterator[str]]:
    """A stream of one sheet as the v2 import template's CSV (no cadTrust*Id of our own)."""
    columns = COLUMNS.get(sheet, PROVENANCE_COLUMNS)

    async def stream(store: GraphStore) -> AsyncIterator[str]:
        yield csv_header(columns)
        pages = provenance(store) if sheet == "provenance" else records(store, sheet)
        async for page in pages:
            for record in page:
                yield csv_line(columns, record)

    return stream


def as_json(sheet: str) -> Callable[[GraphStore], AsyncIterator[str]]:
    """A stream of one sheet as a JSON list of v2 records, with their cadTrust ids."""
    record_id = RECORD_IDS[sheet]

    async def stream(store: GraphStore) -> AsyncIterator[str]:
        yield "["
        first = True
        async for page in records(store, sheet):
            for record in page:
                if record_id is None:
                    record = {c: record[c] for c in COLUMNS[sheet]}
                yield ("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False)
                first = False
        yield "\n]\n"

    return stream
