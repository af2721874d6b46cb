"""Imports of external project records (SRN-PPI, T-VER, CAD Trust, …), matching them to JCM
projects, and the people's review of those matches. Every applied change appends an audit
event; re-importing the same file changes nothing (not even the log)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cypher.external_formats import ExternalRow
from cypher.ledger_ops import (
    Applied,
    IdempotencyClaim,
    LedgerRefusal,
    Provenance,
    apply_with_retries,
)
from cypher.record_matching import CANDIDATE_THRESHOLD, LINK_THRESHOLD, Match, best_matches
from cypher.store import GraphStore

# The most candidates matchCandidates lists for one record.
MAX_CANDIDATES = 20


@dataclass
class ImportSummary:
    records: int
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    links: list[tuple[str, str, float]] = field(default_factory=list)
    event_seq: int | None = None


def record_id(registry: str, external_id: str) -> str:
    return f"{registry}:{external_id}"


def _props(registry: str, row: ExternalRow) -> dict[str, Any]:
    props = {
        "id": record_id(registry, row.externalId),
        "registry": registry,
        "externalId": row.externalId,
        "title": row.title,
        "country": row.country,
        "url": row.url,
        "status": row.status,
        "participants": row.participants,
        "technology": row.technology,
        "sector": row.sector,
        "registeredOn": row.registeredOn,
        "registryOfOrigin": row.registryOfOrigin,
        "methodology": row.methodology,
        "dataQuality": row.dataQuality,
    }
    return {k: v for k, v in props.items() if v not in (None, [])}


async def candidates(
    store: GraphStore,
    records: list[dict[str, Any]],
    rejected: dict[str, set[str]],
    threshold: float = CANDIDATE_THRESHOLD,
) -> dict[str, list[Match]]:
    countries = sorted({r["country"] for r in records})
    projects = await store.read_many("projects_for_matching", {"countries": countries})
    return {
        r["id"]: best_matches(r, projects, rejected.get(r["id"], set()), threshold) for r in records
    }


async def import_records(
    store: GraphStore,
    *,
    registry: str,
    rows: list[ExternalRow],
    provenance: Provenance,
    idempotency_key: str | None = None,
) -> ImportSummary:
    if not await store.read("external_registry_by_key", {"keys": [registry]}):
        raise LedgerRefusal("NOT_FOUND", f"no external registry {registry!r}", "registry")
    records = [_props(registry, row) for row in rows]
    known = await store.read_many("external_records_state", {"ids": [r["id"] for r in records]})
    state = {r["record"]["id"]: r for r in known}
    rejected = {k: set(v["rejected"]) for k, v in state.items()}
    matches = await candidates(store, records, rejected)
    summary = ImportSummary(records=len(records))
    payload_rows = []
    for rec in records:
        links = [m for m in matches[rec["id"]] if m.confidence >= LINK_THRESHOLD]
        old = state.get(rec["id"])
        new_links = [m for m in links if not old or m.project not in old["linked"]]
        if old is None:
            summary.created.append(rec["id"])
        elif any(old["record"].get(k) != v for k, v in rec.items()) or new_links:
            summary.updated.append(rec["id"])
        else:
            summary.unchanged += 1
            continue
        summary.links += [(rec["id"], m.project, m.confidence) for m in links]
        payload_rows.append(
            {
                "id": rec["id"],
                "props": rec,
                "matches": [
                    {"project": m.project, "confidence": m.confidence, "method": m.method}
                    for m in links
                ],
            }
        )
    if not payload_rows:
        return summary  # nothing would change: no write, no event

    async def attempt(event: Any, claim: IdempotencyClaim) -> dict[str, Any] | None:
        idem = claim.record({})
        rows = await store.write(
            "import_external_records",
            {
                "registry": registry,
                "records": payload_rows,
                "event": event.params(),
                "idempotency": idem,
                "source": provenance.source(),
            },
        )
        return {"eventSeq": event.seq} if rows else None

    applied: Applied = await apply_with_retries(
        store,
        action="IMPORT_EXTERNAL_RECORDS",
        payload={"registry": registry, "records": payload_rows},
        actor=provenance.actor,
        idempotency_key=idempotency_key,
        attempt=attempt,
    )
    summary.event_seq = applied.result.get("eventSeq")
    return summary


async def review_link(
    store: GraphStore, *, record: str, project: str, confirm: bool, provenance: Provenance
) -> Applied:
    async def attempt(event: Any, claim: IdempotencyClaim) -> dict[str, Any] | None:
        rows = await store.write(
            "review_external_link",
            {
                "record": record,
                "project": project,
                "confirm": confirm,
                "by": provenance.actor,
                "event": event.params(),
                "idempotency": None,
                "source": provenance.source(),
            },
        )
        if rows:
            return {"record": record, "project": project, "eventSeq": event.seq}
        if not await store.read("external_record_by_key", {"keys": [record]}):
            raise LedgerRefusal("NOT_FOUND", f"no external record {record!r}", "externalRecordId")
        if not await store.read("project_by_key", {"keys": [project]}):
            raise LedgerRefusal("NOT_FOUND", f"no project {project!r}", "projectRef")
        return None

    action = "CONFIRM_LINK" if confirm else "REJECT_LINK"
    return await apply_with_retries(
        store,
        action=action,
        payload={"record": record, "project": project},
        actor=provenance.actor,
        idempotency_key=None,
        attempt=attempt,
    )


async def match_candidates(store: GraphStore, record: str) -> list[tuple[Match, bool]]:
    """The host country's projects ranked for one record, best first (even those that share
    no word with its title: a reviewer may know better), with whether each is linked now."""
    rows = await store.read("external_records_state", {"ids": [record]})
    if not rows:
        raise LedgerRefusal("NOT_FOUND", f"no external record {record!r}", "externalRecordId")
    row = rows[0]
    rejected = {record: set(row["rejected"])}
    found = (await candidates(store, [row["record"]], rejected, threshold=0.0))[record]
    return [(m, m.project in row["linked"]) for m in found[:MAX_CANDIDATES]]
