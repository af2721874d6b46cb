"""Registry records other than moves: accounts, issuances, Article 6.2 authorizations and
corresponding adjustments, and admin upserts. Each is one write statement that re-checks its
preconditions and appends the audit event; when it writes nothing, `diagnose` names the
refusal the client sees, or the write is tried again (the audit chain moved on)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from cypher.ledger_ops import (
    Applied,
    IdempotencyClaim,
    LedgerRefusal,
    Provenance,
    apply_with_retries,
    block_id,
)
from cypher.store import GraphStore

Diagnose = Callable[[], Awaitable[None]]


async def run_write(
    store: GraphStore,
    *,
    query: str,
    action: str,
    payload: dict[str, Any],
    provenance: Provenance,
    idempotency_key: str | None,
    params: Callable[[], Awaitable[dict[str, Any]]],
    diagnose: Diagnose,
    result: Callable[[dict[str, Any]], dict[str, Any]],
) -> Applied:
    async def attempt(event: Any, claim: IdempotencyClaim) -> dict[str, Any] | None:
        values = await params()
        # The result is known before the write: keys given by the client, not generated.
        idem = claim.record(result(values) | {"eventSeq": event.seq})
        rows = await store.write(
            query,
            {**values, "event": event.params(), "idempotency": idem, "source": provenance.source()},
        )
        if rows:
            return result(values) | {"eventSeq": event.seq}
        await diagnose()
        return None

    return await apply_with_retries(
        store,
        action=action,
        payload=payload,
        actor=provenance.actor,
        idempotency_key=idempotency_key,
        attempt=attempt,
    )


async def _exists(store: GraphStore, query: str, key: Any) -> bool:
    return bool(await store.read(query, {"keys": [key]}))


async def open_account(
    store: GraphStore,
    *,
    account: dict[str, Any],
    owner_country: str | None,
    owner_organization: str | None,
    provenance: Provenance,
    idempotency_key: str | None,
) -> Applied:
    if (owner_country is None) == (owner_organization is None):
        raise LedgerRefusal(
            "BAD_USER_INPUT",
            "give exactly one of ownerCountry and ownerOrganization",
            "ownerCountry",
        )
    values = {
        "account": {**account, "dataQuality": provenance.data_quality},
        "ownerCountry": owner_country,
        "ownerOrganization": owner_organization,
    }

    async def params() -> dict[str, Any]:
        return values

    async def diagnose() -> None:
        if await _exists(store, "account_by_key", account["id"]):
            raise LedgerRefusal("CONFLICT", f"account {account['id']!r} exists", "key")
        if not await _exists(store, "country_by_key", account["registry"]):
            raise LedgerRefusal(
                "NOT_FOUND", f"no registry country {account['registry']!r}", "registry"
            )
        if owner_country and not await _exists(store, "country_by_key", owner_country):
            raise LedgerRefusal("NOT_FOUND", f"no country {owner_country!r}", "ownerCountry")
        if owner_organization and not await _exists(
            store, "organization_by_key", owner_organization
        ):
            raise LedgerRefusal(
                "NOT_FOUND", f"no organization {owner_organization!r}", "ownerOrganization"
            )

    return await run_write(
        store,
        query="open_account",
        action="OPEN_ACCOUNT",
        payload=values,
        provenance=provenance,
        idempotency_key=idempotency_key,
        params=params,
        diagnose=diagnose,
        result=lambda v: {"account": account["id"]},
    )


async def record_issuance(
    store: GraphStore,
    *,
    issuance: dict[str, Any],
    project: str,
    vintage: int,
    issued_on: dt.date,
    registry_issuances: list[dict[str, Any]],
    provenance: Provenance,
    idempotency_key: str | None,
) -> Applied:
    """`registry_issuances`: [{registry, allocations: [{account, quantity}]}], one series each."""
    payload = {
        "issuance": issuance,
        "project": project,
        "vintage": vintage,
        "issuedOn": issued_on.isoformat(),
        "registryIssuances": registry_issuances,
    }
    wanted = sorted({a["account"] for r in registry_issuances for a in r["allocations"]})
    known = {
        row["key"]: row["node"] for row in await store.read("account_by_key", {"keys": wanted})
    }
    accounts: dict[str, dict[str, Any]] = {}
    for r in registry_issuances:
        for allocation in r["allocations"]:
            account = known.get(allocation["account"])
            if account is None:
                raise LedgerRefusal(
                    "NOT_FOUND", f"no account {allocation['account']!r}", "allocations"
                )
            if account["kind"] != "HOLDING" or account["registry"] != r["registry"]:
                raise LedgerRefusal(
                    "BAD_USER_INPUT",
                    f"account {account['id']} is not a holding account of registry {r['registry']}",
                    "allocations",
                )
            accounts[account["id"]] = account
    quality = provenance.data_quality

    async def params() -> dict[str, Any]:
        series, blocks = [], []
        for r in registry_issuances:
            prefix = f"{r['registry']}-{project}-{vintage}-"
            taken = (await store.read("series_count_with_prefix", {"prefix": prefix}))[0]["taken"]
            sid = f"{prefix}{taken + 1}"
            total = sum(a["quantity"] for a in r["allocations"])
            series.append(
                {
                    "id": sid,
                    "registry": r["registry"],
                    "project": project,
                    "vintage": vintage,
                    "issuedOn": issued_on.isoformat(),
                    "quantity": total,
                    "retired": 0,
                    "cancelled": 0,
                    "dataQuality": quality,
                }
            )
            first = 1
            for n, allocation in enumerate(r["allocations"], 1):
                last = first + allocation["quantity"] - 1
                bid = block_id(sid, first, last)
                blocks.append(
                    {
                        "series": sid,
                        "account": allocation["account"],
                        "block": {
                            "id": bid,
                            "registry": r["registry"],
                            "series": sid,
                            "first": first,
                            "last": last,
                            "quantity": allocation["quantity"],
                            "vintage": vintage,
                            "status": "HELD",
                            "dataQuality": quality,
                        },
                        "tx": {
                            "id": f"TX-{sid}-i{n}",
                            "seq": n,
                            "kind": "ISSUANCE",
                            "on": issued_on.isoformat(),
                            "series": sid,
                            "first": first,
                            "last": last,
                            "quantity": allocation["quantity"],
                            "firstTransfer": False,
                            "dataQuality": quality,
                        },
                    }
                )
                first = last + 1
        return {
            "project": project,
            "issuance": {**issuance, "dataQuality": quality},
            "series": series,
            "blocks": blocks,
            "accountChecks": [f"{a['id']}|{a['registry']}" for a in accounts.values()],
        }

    async def diagnose() -> None:
        rows = await store.read("project_by_key", {"keys": [project]})
        if not rows:
            raise LedgerRefusal("NOT_FOUND", f"no project {project!r}", "project")
        existing = await store.read("issuance_project", {"keys": [issuance["id"]]})
        if existing and existing[0]["node"]["ref"] != project:
            raise LedgerRefusal(
                "CONFLICT",
                f"issuance {issuance['id']!r} belongs to project {existing[0]['node']['ref']}",
                "key",
            )

    def result(values: dict[str, Any]) -> dict[str, Any]:
        return {
            "issuance": issuance["id"],
            "series": [s["id"] for s in values["series"]],
            "transactions": [b["tx"]["id"] for b in values["blocks"]],
        }

    return await run_write(
        store,
        query="record_issuance",
        action="RECORD_ISSUANCE",
        payload=payload,
        provenance=provenance,
        idempotency_key=idempotency_key,
        params=params,
        diagnose=diagnose,
        result=result,
    )


async def record_authorization(
    store: GraphStore,
    *,
    authorization: dict[str, Any],
    projects: list[str],
    provenance: Provenance,
    idempotency_key: str | None,
) -> Applied:
    values = {
        "authorization": {**authorization, "dataQuality": provenance.data_quality},
        "projects": projects,
    }

    async def params() -> dict[str, Any]:
        return values

    async def diagnose() -> None:
        if await _exists(store, "authorization_by_key", authorization["id"]):
            raise LedgerRefusal("CONFLICT", f"authorization {authorization['id']!r} exists", "key")
        if not await _exists(store, "country_by_key", authorization["party"]):
            raise LedgerRefusal("NOT_FOUND", f"no country {authorization['party']!r}", "party")
        for ref in projects:
            if not await _exists(store, "project_by_key", ref):
                raise LedgerRefusal("NOT_FOUND", f"no project {ref!r}", "projects")

    return await run_write(
        store,
        query="record_authorization",
        action="RECORD_AUTHORIZATION",
        payload=values,
        provenance=provenance,
        idempotency_key=idempotency_key,
        params=params,
        diagnose=diagnose,
        result=lambda v: {"authorization": authorization["id"]},
    )


async def record_corresponding_adjustment(
    store: GraphStore,
    *,
    adjustment: dict[str, Any],
    transaction: str,
    provenance: Provenance,
    idempotency_key: str | None,
) -> Applied:
    values = {
        "adjustment": {**adjustment, "dataQuality": provenance.data_quality},
        "transaction": transaction,
    }

    async def params() -> dict[str, Any]:
        return values

    async def diagnose() -> None:
        if await _exists(store, "corresponding_adjustment_by_key", adjustment["id"]):
            raise LedgerRefusal("CONFLICT", f"adjustment {adjustment['id']!r} exists", "key")
        if not await _exists(store, "country_by_key", adjustment["party"]):
            raise LedgerRefusal("NOT_FOUND", f"no country {adjustment['party']!r}", "party")
        if not await _exists(store, "transaction_by_key", transaction):
            raise LedgerRefusal("NOT_FOUND", f"no transaction {transaction!r}", "transaction")

    return await run_write(
        store,
        query="record_corresponding_adjustment",
        action="RECORD_CORRESPONDING_ADJUSTMENT",
        payload=values,
        provenance=provenance,
        idempotency_key=idempotency_key,
        params=params,
        diagnose=diagnose,
        result=lambda v: {"adjustment": adjustment["id"]},
    )


async def admin_upsert(
    store: GraphStore,
    *,
    kind: str,
    values: dict[str, Any],
    provenance: Provenance,
    idempotency_key: str | None,
    diagnose: Diagnose,
    key: str,
) -> Applied:
    """Projects, organizations and methodologies (`kind`), created or updated by an admin."""

    async def params() -> dict[str, Any]:
        return values

    return await run_write(
        store,
        query=f"admin_upsert_{kind}",
        action=f"UPSERT_{kind.upper()}",
        payload=values,
        provenance=provenance,
        idempotency_key=idempotency_key,
        params=params,
        diagnose=diagnose,
        result=lambda v: {kind: key},
    )
