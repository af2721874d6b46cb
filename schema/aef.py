"""`aefReport` (Article 6.2 Agreed Electronic Format tables, also as CSV at
/aef/{party}/{year}/{table}.csv) and `holdingsAsOf` (holdings on any date)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from cypher.holdings import aef_tables, holdings_as_of
from schema.context import RequestContext
from schema.errors import BadUserInput, NotFound

Ctx = Info[RequestContext, None]
TABLES = ("authorizations", "actions", "holdings")


def pascal(name: str) -> str:
    return "".join(part.title() for part in name.split("_"))


def _row(cls: type, values: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    special = {
        "aef_t2_authorizations_id": "Id",
        "data_quality": "dataQuality",
        "transaction_id": "transactionId",
        "authozied_entity_id": "AuthoziedEntityId",
        "quantity_t_co2": "QuantityTCo2",
    }
    return cls(**{n: values.get(special.get(n) or pascal(n)) for n in names})


@strawberry.type(description="AEF table 2: an authorization (CAD Trust v2 field names).")
class AefAuthorization:
    aef_t2_authorizations_id: str
    date: str | None
    cooperative_approach_id: str
    authorized_party_id: str
    version: int
    quantity: float | None
    metric: str
    sector: str | None
    activity_type: str | None
    purposes_for_authorization: str
    authozied_entity_id: str | None
    authorization_documentation: str | None
    additional_information: str | None
    data_quality: str | None


@strawberry.type(description="AEF table 3: an action on ITMOs (CAD Trust v2 field names).")
class AefAction:
    date: str
    cooperative_approach_id: str
    authorization_id: str
    first_transferring_party_id: str
    party_itmo_registry_id: str
    itmo_first_id: str
    itmo_last_id: str
    unit_registry_id: str
    unit_first_id: str
    unit_last_id: str
    quantity_t_co2: int
    vintage_year: int | None
    transferring_party_id: str | None
    acquiring_party_id: str | None
    type: str = strawberry.field(description="First transfer, Transfer, Use or Cancellation.")
    metric: str
    using_participating_party_id: str | None
    itmo_used_year: int | None
    transaction_id: str


@strawberry.type(
    description="AEF table 4: authorized units held in the party's registry at 31 December."
)
class AefHolding:
    party_id: str
    registry_id: str
    account_id: str
    account_type: str
    status: str
    unit_first_id: str
    unit_last_id: str
    quantity_t_co2: int
    vintage_year: int | None
    authorization_id: str
    as_of: str


@strawberry.type
class AefReport:
    party: str
    year: int
    authorizations: list[AefAuthorization]
    actions: list[AefAction]
    holdings: list[AefHolding]
    csv: list[str] = strawberry.field(description="Paths of the same tables as CSV.")


@strawberry.type(description="Units an account held at the end of a day.")
class Holding:
    account: str
    series: str
    first: int
    last: int
    quantity: int
    status: str
    vintage: int | None
    first_serial: str
    last_serial: str


def check_party_year(party: str, year: int) -> str:
    if len(party) != 2 or not party.isalpha():
        raise BadUserInput("party is a two-letter country code", field="party")
    if not 2013 <= year <= 2100:
        raise BadUserInput("year must be 2013 or later", field="year")
    return party.upper()


@strawberry.type
class AefQuery:
    @strawberry.field(description="A party's Article 6.2 AEF tables for a year.")
    async def aef_report(self, info: Ctx, party: str, year: int) -> AefReport | None:
        party = check_party_year(party, year)
        if not await info.context.store.read("country_by_key", {"keys": [party]}):
            raise NotFound(f"no party {party!r}: parties are ISO country codes", field="party")
        tables = await aef_tables(info.context.store, party, year)
        return AefReport(
            party=party,
            year=year,
            authorizations=[_row(AefAuthorization, r) for r in tables["authorizations"]],
            actions=[_row(AefAction, r) for r in tables["actions"]],
            holdings=[_row(AefHolding, r) for r in tables["holdings"]],
            csv=[f"/aef/{party}/{year}/{t}.csv" for t in TABLES],
        )

    @strawberry.field(
        description="What accounts held at the end of a day, rebuilt from the "
        "transactions up to then."
    )
    async def holdings_as_of(self, info: Ctx, accounts: list[str], as_of: dt.date) -> list[Holding]:
        if not accounts or len(accounts) > 50:
            raise BadUserInput("give 1 to 50 accounts", field="accounts")
        segments = await holdings_as_of(info.context.store, accounts, as_of)
        return [
            Holding(
                account=s.account,
                series=s.series,
                first=s.first,
                last=s.last,
                quantity=s.quantity,
                status=s.status,
                vintage=s.vintage,
                first_serial=f"{s.series}-{s.first:06d}",
                last_serial=f"{s.series}-{s.last:06d}",
            )
            for s in segments
        ]
