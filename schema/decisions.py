"""Joint Committee decisions: methodology approvals, TPE designations, no objection to PINs,
rules adopted at meetings; each linked to what it is about."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from schema.context import RequestContext
from schema.filters import DecisionType
from schema.node import DataQuality, Node, Source, sources_of
from schema.reference_types import (
    Methodology,
    Organization,
    Partnership,
    Resolved,
    related,
    related_one,
)

if TYPE_CHECKING:
    from schema.project_types import Project

Ctx = Info[RequestContext, None]
ProjectRef = Annotated["Project", strawberry.lazy("schema.project_types")]


@strawberry.type(description="One thing a decision is about, as the decision lists it.")
class DecisionItem:
    key: str | None = strawberry.field(
        description="The id the decision gives: a methodology (`TH_AM011`) or a PIN (`ID_PIN001`)."
    )
    title: str | None = strawberry.field(description="Its title as listed.")
    name: str | None = strawberry.field(description="For a TPE designation: the TPE's name.")
    version: str | None = strawberry.field(description="For a methodology: the version decided.")
    proposed_as: str | None = strawberry.field(
        description="For a methodology: the proposed methodology's id (e.g. `MN_PM006`)."
    )
    proponent: str | None = strawberry.field(description="Who proposed the methodology.")
    sectoral_scope: str | None = strawberry.field(description="The sectoral scope as listed.")
    public_input: list[dt.date] = strawberry.field(
        description="Start and end of the public-input period, when listed."
    )


def _item(raw: dict) -> DecisionItem:
    return DecisionItem(
        key=raw.get("id"),
        title=raw.get("title"),
        name=raw.get("name"),
        version=raw.get("version"),
        proposed_as=raw.get("proposedAs"),
        proponent=raw.get("proponent"),
        sectoral_scope=raw.get("sectoralScope"),
        public_input=[dt.date.fromisoformat(d) for d in raw.get("publicInput", [])],
    )


@strawberry.type(description="A decision of a Joint Committee (Japan and one partner country).")
class Decision(Node):
    key: str
    type: DecisionType = strawberry.field(description="What was decided.")
    decided_on: dt.date | None = strawberry.field(
        description="Date of the decision; null when the sources give none."
    )
    body: str | None = strawberry.field(
        description="The meeting or procedure that decided, as listed (e.g. `5th Joint "
        "Committee in Bangkok`)."
    )
    host_country: str = strawberry.field(description="ISO code of the partner country.")
    note: str | None
    data_quality: DataQuality
    items_raw: strawberry.Private[str | None] = dataclasses.field(
        default=None, metadata={"prop": "items"}
    )
    derived_from_raw: strawberry.Private[list[str] | None] = dataclasses.field(
        default=None, metadata={"prop": "derivedFrom"}
    )

    @strawberry.field(description="What the decision lists, in its order.")
    def items(self) -> list[DecisionItem]:
        return [_item(raw) for raw in json.loads(self.items_raw or "[]")]

    @strawberry.field(description="The official pages a source copied, when it is a copy.")
    def derived_from(self) -> list[str]:
        return list(self.derived_from_raw or [])

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "decision", self.key)

    @strawberry.field(description="The partnership whose Joint Committee decided.")
    def partnership(self, info: Ctx) -> Partnership | None:
        return related_one(info, "decision_partnership", self.key, Partnership)

    @strawberry.field(description="The methodologies it approved or revised.")
    def methodologies(self, info: Ctx) -> list[Methodology]:
        return related(info, "decision_methodologies", self.key, Methodology)

    @strawberry.field(description="The projects or PINs it concerns.")
    def projects(self, info: Ctx) -> list[ProjectRef]:
        from schema.project_types import Project

        return related(info, "decision_projects", self.key, Project)

    @strawberry.field(
        description="The TPEs it designated that the graph knows (names it could not match "
        "stay in `items`)."
    )
    def organizations(self, info: Ctx) -> list[Organization]:
        return related(info, "decision_organizations", self.key, Organization)


def decisions_about(info: Ctx, query: str, key: str) -> Resolved:
    """The decisions about one project, methodology or organization, oldest first."""
    return related(info, query, key, Decision)
