"""CAD Trust v2 project and unit CSV exports, streamed page by page, each row with its
dataQuality and sources."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from typing import Any

from cypher.store import GraphStore

PAGE = 1000
STATUS = {
    "REGISTERED": "Registered",
    "VALIDATED": "Listed",
    "PDD": "Listed",
    "PIN": "Listed",
    "SELECTED": "Listed",
    "FINANCED": "Listed",
}
UNIT_STATUS = {"HELD": "Held", "RETIRED": "Retired", "CANCELLED": "Cancelled"}
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
    "cadTrustReferenceProjectId",
    "cadTrustProgramId",
    "projectHostCountry",
    "dataQuality",
    "sources",
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
    "unitRetirementBeneficiary",
    "unitLink",
    "unitMetric",
    "unitCurrentOwner",
    "unitItmosReferenceId",
    "cadTrustIssuanceId",
    "projectId",
    "dataQuality",
    "sources",
]


def _csv_line(row: list[Any]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(["" if v is None else v for v in row])
    return out.getvalue()


async def _pages(store: GraphStore, query: str, key: str) -> AsyncIterator[list[dict]]:
    after = None
    while True:
        rows = await store.read(query, {"after": after, "limit": PAGE})
        if not rows:
            return
        yield rows
        after = rows[-1][key]


async def project_csv(store: GraphStore) -> AsyncIterator[str]:
    yield _csv_line(PROJECT_COLUMNS)
    async for rows in _pages(store, "export_cadt_projects_page", "ref"):
        for r in rows:
            yield _csv_line(
                [
                    "Joint Crediting Mechanism",
                    r["ref"],
                    "JCM",
                    r["title"],
                    (r["sources"] or [None])[0],
                    r["note"],
                    "; ".join(r["sectors"]),
                    "; ".join(r["types"]),
                    None,
                    STATUS.get(r["status"] or "", "Listed"),
                    r["statusDate"].isoformat() if r["statusDate"] else None,
                    "tCO2e",
                    None,
                    None,
                    r["hostCountry"],
                    r["dataQuality"],
                    " ".join(r["sources"]),
                ]
            )


async def series_chunks(store: GraphStore, size: int = 200) -> AsyncIterator[list[str]]:
    """All series ids, in chunks: the ledger is read series by series through its index."""
    ids = [r["id"] for r in await store.read("series_ids", {"seriesPrefix": ""})]
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


async def unit_csv(store: GraphStore) -> AsyncIterator[str]:
    yield _csv_line(UNIT_COLUMNS)
    async for chunk in series_chunks(store):
        rows = await store.read("export_cadt_units_by_series", {"series": chunk})
        for r in rows:
            yield _csv_line(
                [
                    r["id"],
                    f"{r['series']}-{r['first']:06d}",
                    f"{r['series']}-{r['last']:06d}",
                    r["quantity"],
                    "; ".join(r["unitTypes"]) or None,
                    r["vintage"],
                    UNIT_STATUS.get(r["status"], r["status"]),
                    r["purpose"],
                    r["statusDate"].isoformat() if r["statusDate"] else None,
                    r["beneficiary"],
                    None,
                    "tCO2e",
                    r["owner"],
                    r["authorization"],
                    r["series"],
                    r["project"],
                    r["dataQuality"],
                    " ".join(r["sources"]),
                ]
            )
