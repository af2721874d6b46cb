"""Mutations that record registry facts (accounts, issuances, Article 6.2) and admin upserts."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated

import strawberry

from cypher import registry_writes
from cypher.ledger_ops import LedgerRefusal
from schema.errors import BadUserInput
from schema.filters import ProjectStatus
from schema.ledger_inputs import checked_date, checked_units, checked_year
from schema.mutations import (
    ADMIN,
    WRITE,
    Ctx,
    ProvenanceInput,
    WriteResult,
    provenance,
    result,
    run,
)

ProvenanceArg = Annotated[ProvenanceInput | None, strawberry.argument(name="provenance")]
KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def checked_key(value: str, field: str) -> str:
    if not KEY.match(value):
        raise BadUserInput(f"{field} must be 1-100 letters, digits, '_', '.' or '-'", field=field)
    return value


def _iso(value: dt.date | None, field: str, *, past: bool = True) -> str | None:
    checked = checked_date(value, field, past=past)
    return checked.isoformat() if checked else None


@strawberry.enum
class AccountKind(Enum):
    HOLDING = "HOLDING"
    RETIREMENT = "RETIREMENT"
    CANCELLATION = "CANCELLATION"


@strawberry.input
class AllocationInput:
    account: str
    quantity: int


@strawberry.input(description="One registry's issuance: a new series, allocated to accounts.")
class RegistryIssuanceInput:
    registry: str
    allocations: list[AllocationInput]


@strawberry.input
class RecordIssuanceInput:
    key: str = strawberry.field(description="The decision's id, e.g. ISS-TH-2026-1.")
    project: str
    decided_on: dt.date | None = None
    joint_committee: str | None = None
    notified_total: int | None = None
    japan_government_share: int | None = None
    vintage: int
    issued_on: dt.date
    registry_issuances: list[RegistryIssuanceInput]
    provenance: ProvenanceInput | None = None
    idempotency_key: str | None = None


@strawberry.type
class RecordMutation:
    @strawberry.mutation(description="Open a holding, retirement or cancellation account.")
    async def open_account(
        self,
        info: Ctx,
        key: str,
        registry: str,
        kind: AccountKind,
        name: str,
        owner_country: str | None = None,
        owner_organization: str | None = None,
        provenance_input: ProvenanceArg = None,
        idempotency_key: str | None = None,
    ) -> WriteResult:
        who = provenance(info, WRITE, provenance_input)
        account = {
            "id": checked_key(key, "key"),
            "registry": registry.upper(),
            "kind": kind.value,
            "name": name,
        }
        return result(
            await run(
                registry_writes.open_account(
                    info.context.store,
                    account=account,
                    owner_country=owner_country,
                    owner_organization=owner_organization,
                    provenance=who,
                    idempotency_key=idempotency_key,
                )
            )
        )

    @strawberry.mutation(
        description=(
            "Record a Joint Committee issuance decision and each registry's issuance: opens a "
            "series per registry and puts its units into the holding accounts given."
        )
    )
    async def record_issuance(self, info: Ctx, input: RecordIssuanceInput) -> WriteResult:
        who = provenance(info, WRITE, input.provenance)
        if not input.registry_issuances:
            raise BadUserInput("give at least one registry issuance", field="registryIssuances")
        for r in input.registry_issuances:
            if not r.allocations:
                raise BadUserInput("every registry issuance needs allocations", field="allocations")
            for a in r.allocations:
                checked_units(a.quantity, "allocations.quantity")
        total = sum(a.quantity for r in input.registry_issuances for a in r.allocations)
        checked_units(total, "the issuance's total")
        checked_year(input.vintage, "vintage")
        checked_date(input.issued_on, "issuedOn")
        checked_units(input.notified_total, "notifiedTotal", minimum=0)
        checked_units(input.japan_government_share, "japanGovernmentShare", minimum=0)
        if (
            input.notified_total is not None
            and input.japan_government_share is not None
            and input.japan_government_share > input.notified_total
        ):
            raise BadUserInput(
                "japanGovernmentShare cannot exceed notifiedTotal", field="japanGovernmentShare"
            )
        issuance = {
            "id": checked_key(input.key, "key"),
            "decidedOn": _iso(input.decided_on, "decidedOn"),
            "jointCommittee": input.joint_committee,
            "notifiedTotal": input.notified_total,
            "japanGovernmentShare": input.japan_government_share,
        }
        registries = [
            {
                "registry": r.registry.upper(),
                "allocations": [
                    {"account": a.account, "quantity": a.quantity} for a in r.allocations
                ],
            }
            for r in input.registry_issuances
        ]
        return result(
            await run(
                registry_writes.record_issuance(
                    info.context.store,
                    issuance=issuance,
                    project=input.project,
                    vintage=input.vintage,
                    issued_on=input.issued_on,
                    registry_issuances=registries,
                    provenance=who,
                    idempotency_key=input.idempotency_key,
                )
            )
        )

    @strawberry.mutation(description="Record a party's Article 6.2 authorization of projects.")
    async def record_authorization(
        self,
        info: Ctx,
        key: str,
        party: str,
        projects: list[str],
        purposes: list[str],
        on: dt.date | None = None,
        document: str | None = None,
        provenance_input: ProvenanceArg = None,
        idempotency_key: str | None = None,
    ) -> WriteResult:
        who = provenance(info, WRITE, provenance_input)
        if not projects:
            raise BadUserInput("an authorization covers at least one project", field="projects")
        if not purposes or any(p not in ("NDC", "OIMP") for p in purposes):
            raise BadUserInput("purposes are NDC and/or OIMP", field="purposes")
        auth = {
            "id": checked_key(key, "key"),
            "party": party.upper(),
            "on": _iso(on, "on"),
            "purposes": purposes,
            "document": document,
        }
        return result(
            await run(
                registry_writes.record_authorization(
                    info.context.store,
                    authorization=auth,
                    projects=projects,
                    provenance=who,
                    idempotency_key=idempotency_key,
                )
            )
        )

    @strawberry.mutation(description="Record a corresponding adjustment for a transaction.")
    async def record_corresponding_adjustment(
        self,
        info: Ctx,
        key: str,
        party: str,
        year: int,
        quantity: int,
        transaction: str,
        reported_in: str | None = None,
        provenance_input: ProvenanceArg = None,
        idempotency_key: str | None = None,
    ) -> WriteResult:
        who = provenance(info, WRITE, provenance_input)
        checked_units(quantity, "quantity")
        checked_year(year, "year")
        adjustment = {
            "id": checked_key(key, "key"),
            "party": party.upper(),
            "year": year,
            "quantity": quantity,
            "reportedIn": reported_in,
        }
        return result(
            await run(
                registry_writes.record_corresponding_adjustment(
                    info.context.store,
                    adjustment=adjustment,
                    transaction=transaction,
                    provenance=who,
                    idempotency_key=idempotency_key,
                )
            )
        )

    @strawberry.mutation(description="Create or update a project (admin).")
    async def upsert_project(
        self,
        info: Ctx,
        ref: str,
        title: str,
        status: ProjectStatus,
        host_country: str,
        registered_on: dt.date | None = None,
        started_on: dt.date | None = None,
        estimated_annual_reduction: float | None = None,
        note: str | None = None,
        provenance_input: ProvenanceArg = None,
        idempotency_key: str | None = None,
    ) -> WriteResult:
        who = provenance(info, ADMIN, provenance_input)
        if estimated_annual_reduction is not None and estimated_annual_reduction < 0:
            raise BadUserInput(
                "estimatedAnnualReduction cannot be negative", field="estimatedAnnualReduction"
            )
        project = {
            "ref": checked_key(ref, "ref"),
            "title": title,
            "status": status.value,
            "hostCountry": host_country.upper(),
            "registeredOn": _iso(registered_on, "registeredOn"),
            "startedOn": _iso(started_on, "startedOn", past=False),
            "estimatedAnnualReduction": estimated_annual_reduction,
            "note": note,
            "dataQuality": who.data_quality,
            "officialRef": who.data_quality == "OFFICIAL",
        }

        async def diagnose() -> None:
            rows = await info.context.store.read(
                "partnership_by_key", {"keys": [f"JP-{project['hostCountry']}"]}
            )
            if not rows:
                raise LedgerRefusal(
                    "NOT_FOUND",
                    f"{project['hostCountry']} is not a JCM partner country",
                    "hostCountry",
                )

        return result(
            await run(
                registry_writes.admin_upsert(
                    info.context.store,
                    kind="project",
                    values={"project": project},
                    provenance=who,
                    idempotency_key=idempotency_key,
                    diagnose=diagnose,
                    key=project["ref"],
                )
            )
        )

    @strawberry.mutation(description="Create or update an organization (admin).")
    async def upsert_organization(
        self,
        info: Ctx,
        key: str,
        name: str,
        kind: str,
        country: str | None = None,
        note: str | None = None,
        provenance_input: ProvenanceArg = None,
        idempotency_key: str | None = None,
    ) -> WriteResult:
        who = provenance(info, ADMIN, provenance_input)
        org = {
            "id": checked_key(key, "key"),
            "name": name,
            "kind": kind,
            "country": country.upper() if country else None,
            "note": note,
            "dataQuality": who.data_quality,
        }

        async def diagnose() -> None:
            if org["country"] and not await info.context.store.read(
                "country_by_key", {"keys": [org["country"]]}
            ):
                raise LedgerRefusal("NOT_FOUND", f"no country {org['country']!r}", "country")

        return result(
            await run(
                registry_writes.admin_upsert(
                    info.context.store,
                    kind="organization",
                    values={"organization": org},
                    provenance=who,
                    idempotency_key=idempotency_key,
                    diagnose=diagnose,
                    key=org["id"],
                )
            )
        )

    @strawberry.mutation(description="Create or update a methodology (admin).")
    async def upsert_methodology(
        self,
        info: Ctx,
        key: str,
        partnership: str,
        title: str | None = None,
        version: str | None = None,
        status: str | None = None,
        approved_on: dt.date | None = None,
        provenance_input: ProvenanceArg = None,
        idempotency_key: str | None = None,
    ) -> WriteResult:
        who = provenance(info, ADMIN, provenance_input)
        methodology = {
            "id": checked_key(key, "key"),
            "title": title,
            "version": version,
            "status": status,
            "approvedOn": _iso(approved_on, "approvedOn"),
            "dataQuality": who.data_quality,
        }

        async def diagnose() -> None:
            if not await info.context.store.read("partnership_by_key", {"keys": [partnership]}):
                raise LedgerRefusal("NOT_FOUND", f"no partnership {partnership!r}", "partnership")

        return result(
            await run(
                registry_writes.admin_upsert(
                    info.context.store,
                    kind="methodology",
                    values={"methodology": methodology, "partnership": partnership},
                    provenance=who,
                    idempotency_key=idempotency_key,
                    diagnose=diagnose,
                    key=methodology["id"],
                )
            )
        )
