"""Holdings as they were on any date, rebuilt by replaying transactions (blocks only show
today), and the Article 6.2 Agreed Electronic Format tables built on them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cypher.dates import query_date
from cypher.ledger_ops import STATUS_FOR_KIND
from cypher.store import GraphStore


@dataclass(frozen=True)
class Segment:
    series: str
    first: int
    last: int
    account: str
    kind: str
    registry: str
    vintage: int | None

    @property
    def quantity(self) -> int:
        return self.last - self.first + 1

    @property
    def status(self) -> str:
        return STATUS_FOR_KIND.get(self.kind, "UNKNOWN")


def replay(transactions: list[dict[str, Any]]) -> list[Segment]:
    """Who held which units after these transactions (of any series, in seq order per series)."""
    by_series: dict[str, list[Segment]] = {}
    for t in transactions:
        held = by_series.setdefault(t["series"], [])
        kept = []
        for seg in held:  # cut [first, last] out of every segment it overlaps
            if seg.last < t["first"] or seg.first > t["last"]:
                kept.append(seg)
                continue
            if seg.first < t["first"]:
                kept.append(Segment(**{**seg.__dict__, "last": t["first"] - 1}))
            if seg.last > t["last"]:
                kept.append(Segment(**{**seg.__dict__, "first": t["last"] + 1}))
        kept.append(
            Segment(
                t["series"],
                t["first"],
                t["last"],
                t["to"],
                t["toKind"],
                t["toRegistry"],
                t.get("vintage"),
            )
        )
        by_series[t["series"]] = sorted(kept, key=lambda s: s.first)
    return [seg for segs in by_series.values() for seg in _merge(segs)]


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for seg in segments:
        prev = merged[-1] if merged else None
        if prev and prev.account == seg.account and prev.last + 1 == seg.first:
            merged[-1] = Segment(**{**prev.__dict__, "last": seg.last})
        else:
            merged.append(seg)
    return merged


async def holdings_as_of(store: GraphStore, accounts: list[str], as_of: dt.date) -> list[Segment]:
    """The units these accounts held at the end of `as_of`."""
    series = [
        r["series"]
        for r in await store.read(
            "series_touching_accounts", {"accounts": accounts, "asOf": query_date(as_of)}
        )
    ]
    if not series:
        return []
    rows = await store.read_many(
        "series_transactions_until", {"series": series, "asOf": query_date(as_of)}
    )
    return [s for s in replay(rows) if s.account in accounts]


def serial(series: str, unit: int) -> str:
    return f"{series}-{unit:06d}"


def action_type(t: dict[str, Any]) -> str | None:
    """The AEF action a transaction is, or None when it is not one (domestic transfers,
    issuance)."""
    if t["toKind"] == "RETIREMENT":
        return "Use"
    if t["toKind"] == "CANCELLATION":
        return "Cancellation"
    if t["firstTransfer"]:
        return "First transfer"
    if t["fromRegistry"] and t["fromRegistry"] != t["toRegistry"]:
        return "Transfer"
    return None


# The columns of each AEF table, in order (CAD Trust v2 names without their table prefix;
# dataQuality and transactionId are JCM Graph's own). Every row has exactly these keys.
AEF_COLUMNS: dict[str, tuple[str, ...]] = {
    "authorizations": (
        "Id", "Date", "CooperativeApproachId", "AuthorizedPartyId", "Version", "Quantity",
        "Metric", "GwpValue", "ApplicableNonGhgMetric", "Sector", "ActivityType",
        "PurposesForAuthorization", "AuthoziedEntityId", "OimpAuthorizedParty",
        "AuthorizedTimeframe", "AuthorizationTerms", "AuthorizationDocumentation",
        "FirstTransferDefinitionOimp", "AdditionalInformation", "dataQuality",
    ),
    "actions": (
        "Date", "CooperativeApproachId", "AuthorizationId", "FirstTransferringPartyId",
        "PartyItmoRegistryId", "ItmoFirstId", "ItmoLastId", "UnitRegistryId", "UnitFirstId",
        "UnitLastId", "QuantityTCo2", "VintageYear", "TransferringPartyId", "AcquiringPartyId",
        "Type", "Subtype", "Metric", "GwpValue", "MitigationType", "PurposeOfUseOimp",
        "UsingParticipatingPartyId", "UsingAuthorizedEntityId", "ItmoUsedYear",
        "ConsistencyCheckResult", "transactionId",
    ),
    "holdings": (
        "PartyId", "RegistryId", "AccountId", "AccountType", "Status", "UnitFirstId",
        "UnitLastId", "QuantityTCo2", "VintageYear", "AuthorizationId", "AsOf",
    ),
}  # fmt: skip


def cooperative_approach_id(partner: str) -> str:
    """One id per bilateral partnership (Japan and its partner), whichever party reports."""
    return f"JCM-JP-{partner}"


async def aef_tables(store: GraphStore, party: str, year: int) -> dict[str, list[dict]]:
    """Article 6.2 AEF tables of a party for a year, field names as in the CAD Trust v2 AEF
    tables: authorizations (T2), actions (T3), holdings at 31 December (T4)."""
    authorizations = []
    for row in await store.read("authorizations_of_party", {"party": party}):
        a = row["authorization"]
        on = a.get("on")
        if on is not None and on.year != year:
            continue
        partner = party if party != "JP" or not row["hosts"] else row["hosts"][0]
        authorizations.append(
            {
                "Id": a["id"],
                "Date": on.isoformat() if on else None,
                "CooperativeApproachId": cooperative_approach_id(partner),
                "AuthorizedPartyId": party,
                "Version": 1,
                "Quantity": None,
                "Metric": "tCO2e",
                "GwpValue": None,
                "ApplicableNonGhgMetric": None,
                "Sector": "; ".join(row["sectors"]) or None,
                "ActivityType": "; ".join(row["technologies"]) or None,
                "PurposesForAuthorization": "; ".join(a.get("purposes") or []),
                "AuthoziedEntityId": None,
                "OimpAuthorizedParty": None,
                "AuthorizedTimeframe": None,
                "AuthorizationTerms": None,
                "AuthorizationDocumentation": a.get("document"),
                "FirstTransferDefinitionOimp": None,
                "AdditionalInformation": f"covers projects {', '.join(row['projects'])}",
                "dataQuality": a.get("dataQuality"),
            }
        )
    covered = await store.read_many("authorized_series", {"party": None})
    auth_of = {r["series"]: r for r in covered}
    year_end = dt.date(year, 12, 31)
    rows = await store.read_many(
        "series_transactions_until", {"series": list(auth_of), "asOf": query_date(year_end)}
    )
    actions = []
    for t in rows:
        kind = action_type(t)
        if kind is None or t["on"].year != year:
            continue
        auth = auth_of[t["series"]]
        transferring, acquiring = t["fromRegistry"], t["toRegistry"]
        if party not in (transferring, acquiring, auth["party"]):
            continue
        first, last = serial(t["series"], t["first"]), serial(t["series"], t["last"])
        actions.append(
            {
                "Date": t["on"].isoformat(),
                "CooperativeApproachId": cooperative_approach_id(auth["party"]),
                "AuthorizationId": auth["authorization"],
                "FirstTransferringPartyId": auth["party"],
                "PartyItmoRegistryId": f"{acquiring}-registry",
                "ItmoFirstId": first,
                "ItmoLastId": last,
                "UnitRegistryId": f"{acquiring}-registry",
                "UnitFirstId": first,
                "UnitLastId": last,
                "QuantityTCo2": t["last"] - t["first"] + 1,
                "VintageYear": t["vintage"],
                "TransferringPartyId": transferring
                if kind in ("First transfer", "Transfer")
                else None,
                "AcquiringPartyId": acquiring if kind in ("First transfer", "Transfer") else None,
                "Type": kind,
                "Subtype": None,
                "Metric": "tCO2e",
                "GwpValue": None,
                "MitigationType": None,
                "PurposeOfUseOimp": None,
                "UsingParticipatingPartyId": acquiring if kind == "Use" else None,
                "UsingAuthorizedEntityId": None,
                "ItmoUsedYear": year if kind == "Use" else None,
                "ConsistencyCheckResult": None,
                "transactionId": t["id"],
            }
        )
    holdings = []
    for seg in replay(rows):
        if seg.registry != party:
            continue
        auth = auth_of[seg.series]
        holdings.append(
            {
                "PartyId": party,
                "RegistryId": f"{party}-registry",
                "AccountId": seg.account,
                "AccountType": seg.kind,
                "Status": seg.status,
                "UnitFirstId": serial(seg.series, seg.first),
                "UnitLastId": serial(seg.series, seg.last),
                "QuantityTCo2": seg.quantity,
                "VintageYear": seg.vintage,
                "AuthorizationId": auth["authorization"],
                "AsOf": year_end.isoformat(),
            }
        )
    return {"authorizations": authorizations, "actions": actions, "holdings": holdings}
