"""Typed filter and order inputs. Filters compose with AND / OR / NOT; the resolvers hand
them to cypher/listing.py as plain trees, where they become Cypher (never filtered in Python)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

import strawberry

from cypher.dates import query_date
from schema.errors import BadUserInput
from schema.node import DataQuality, camel


@strawberry.enum
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.enum
class ProjectStatus(Enum):
    PIN = strawberry.enum_value(
        "PIN", description="A Joint Committee decided no objection to a project idea note."
    )
    SELECTED = strawberry.enum_value(
        "SELECTED", description="Selected for funding (e.g. an MOEJ model project); no JCM ref."
    )
    FINANCED = strawberry.enum_value(
        "FINANCED", description="Financed by a JCM fund (e.g. ADB JFJCM); no JCM ref."
    )
    PDD = strawberry.enum_value("PDD", description="A project design document is published.")
    VALIDATION = strawberry.enum_value(
        "VALIDATION", description="Has a JCM reference and is under validation, not registered."
    )
    VALIDATED = strawberry.enum_value(
        "VALIDATED", description="A TPE's validation report gives a positive opinion."
    )
    REGISTERED = strawberry.enum_value(
        "REGISTERED", description="Registered by the Joint Committee as a JCM project."
    )
    WITHDRAWN = strawberry.enum_value(
        "WITHDRAWN",
        description="The request for registration was withdrawn (see `resubmittedAs`).",
    )


@strawberry.enum
class BlockStatus(Enum):
    HELD = "HELD"
    RETIRED = "RETIRED"
    CANCELLED = "CANCELLED"
    SUPERSEDED = "SUPERSEDED"


def to_tree(value: Any) -> dict[str, Any] | None:
    """A filter input as {field: value, and: [...], or: [...], not: {...}} (None left out)."""
    if value is None:
        return None
    tree: dict[str, Any] = {}
    for f in dataclasses.fields(value):
        item = getattr(value, f.name)
        if item is None:
            continue
        if f.name in ("and_", "or_"):
            tree[f.name.rstrip("_")] = [to_tree(x) for x in item]
        elif f.name == "not_":
            tree["not"] = to_tree(item)
        elif f.name == "contains_serial":
            series, unit = parse_serial(item)
            tree["containsSerial"] = {"series": series, "unit": unit}
        elif f.name == "overlaps":
            if item.first < 1 or item.last < item.first:
                raise BadUserInput("overlaps needs 1 <= first <= last", field="overlaps")
            tree["overlaps"] = {"series": item.series, "first": item.first, "last": item.last}
        else:
            tree[camel(f.name)] = _plain(item)
    return tree


def parse_serial(serial: str) -> tuple[str, int]:
    from cypher.credit_trace import TraceError
    from cypher.credit_trace import parse_serial as parse

    try:
        return parse(serial)
    except TraceError as exc:
        raise BadUserInput(exc.message, field="containsSerial") from None


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return query_date(value)
    return value


def to_order(order: list[Any] | None) -> list[tuple[str, str]] | None:
    if not order:
        return None
    return [(o.field.value, o.direction.value) for o in order]


@strawberry.input(description="Projects matching all the given conditions.")
class ProjectFilter:
    refs: list[str] | None = None
    status: list[ProjectStatus] | None = None
    host_countries: list[str] | None = strawberry.field(default=None, description="Codes.")
    asean: bool | None = strawberry.field(default=None, description="Hosted in an ASEAN state.")
    sectors: list[str] | None = strawberry.field(default=None, description="Sector keys.")
    technologies: list[str] | None = strawberry.field(default=None, description="Technology keys.")
    programmes: list[str] | None = strawberry.field(default=None, description="Programme keys.")
    methodologies: list[str] | None = strawberry.field(
        default=None, description="Methodology keys."
    )
    registered_from: dt.date | None = None
    registered_to: dt.date | None = None
    reduction_min: float | None = strawberry.field(default=None, description="tCO2e/yr.")
    reduction_max: float | None = None
    data_quality: list[DataQuality] | None = None
    has_issuance: bool | None = None
    official_ref: bool | None = None
    and_: list[ProjectFilter] | None = strawberry.field(default=None, name="AND")
    or_: list[ProjectFilter] | None = strawberry.field(default=None, name="OR")
    not_: ProjectFilter | None = strawberry.field(default=None, name="NOT")


@strawberry.enum
class ProjectOrderField(Enum):
    REF = "REF"
    TITLE = "TITLE"
    STATUS = "STATUS"
    HOST_COUNTRY = "HOST_COUNTRY"
    REGISTERED_ON = "REGISTERED_ON"
    ESTIMATED_ANNUAL_REDUCTION = "ESTIMATED_ANNUAL_REDUCTION"


@strawberry.input
class ProjectOrder:
    field: ProjectOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input
class CountryFilter:
    codes: list[str] | None = None
    asean: bool | None = None
    jcm_partner: bool | None = None
    regions: list[str] | None = None
    data_quality: list[DataQuality] | None = None
    and_: list[CountryFilter] | None = strawberry.field(default=None, name="AND")
    or_: list[CountryFilter] | None = strawberry.field(default=None, name="OR")
    not_: CountryFilter | None = strawberry.field(default=None, name="NOT")


@strawberry.enum
class CountryOrderField(Enum):
    CODE = "CODE"
    NAME = "NAME"
    REGION = "REGION"


@strawberry.input
class CountryOrder:
    field: CountryOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input
class PartnershipFilter:
    ids: list[str] | None = None
    signed_from: dt.date | None = None
    signed_to: dt.date | None = None
    data_quality: list[DataQuality] | None = None
    and_: list[PartnershipFilter] | None = strawberry.field(default=None, name="AND")
    or_: list[PartnershipFilter] | None = strawberry.field(default=None, name="OR")
    not_: PartnershipFilter | None = strawberry.field(default=None, name="NOT")


@strawberry.enum
class PartnershipOrderField(Enum):
    ID = "ID"
    SIGNED_ON = "SIGNED_ON"
    ORDER = "ORDER"


@strawberry.input
class PartnershipOrder:
    field: PartnershipOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input
class MethodologyFilter:
    ids: list[str] | None = None
    partnerships: list[str] | None = None
    sectors: list[str] | None = None
    has_title: bool | None = None
    approved_from: dt.date | None = None
    approved_to: dt.date | None = None
    data_quality: list[DataQuality] | None = None
    and_: list[MethodologyFilter] | None = strawberry.field(default=None, name="AND")
    or_: list[MethodologyFilter] | None = strawberry.field(default=None, name="OR")
    not_: MethodologyFilter | None = strawberry.field(default=None, name="NOT")


@strawberry.enum
class MethodologyOrderField(Enum):
    ID = "ID"
    TITLE = "TITLE"
    APPROVED_ON = "APPROVED_ON"


@strawberry.input
class MethodologyOrder:
    field: MethodologyOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Issuance decisions matching all the given conditions.")
class IssuanceFilter:
    ids: list[str] | None = strawberry.field(default=None, description="Issuance keys.")
    projects: list[str] | None = strawberry.field(default=None, description="Project refs.")
    host_countries: list[str] | None = strawberry.field(
        default=None, description="ISO codes of the projects' host countries."
    )
    registries: list[str] | None = strawberry.field(
        default=None, description="Registries that issued under the decision (JP or a partner)."
    )
    decided_from: dt.date | None = strawberry.field(
        default=None, description="Decided on or after this date."
    )
    decided_to: dt.date | None = strawberry.field(
        default=None, description="Decided on or before this date."
    )
    as_itmo: bool | None = strawberry.field(
        default=None, description="Issued as Article 6.2 ITMOs (or not)."
    )
    data_quality: list[DataQuality] | None = None
    and_: list[IssuanceFilter] | None = strawberry.field(default=None, name="AND")
    or_: list[IssuanceFilter] | None = strawberry.field(default=None, name="OR")
    not_: IssuanceFilter | None = strawberry.field(default=None, name="NOT")


@strawberry.enum
class IssuanceOrderField(Enum):
    KEY = "KEY"
    DECIDED_ON = "DECIDED_ON"
    REPORTED_ON = "REPORTED_ON"
    NOTIFIED_TOTAL = "NOTIFIED_TOTAL"


@strawberry.input
class IssuanceOrder:
    field: IssuanceOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.enum(description="What a Joint Committee decided.")
class DecisionType(Enum):
    METHODOLOGY_APPROVAL = strawberry.enum_value(
        "METHODOLOGY_APPROVAL", description="Approved one or more methodologies."
    )
    METHODOLOGY_REVISION = strawberry.enum_value(
        "METHODOLOGY_REVISION", description="Approved revisions of methodologies."
    )
    TPE_DESIGNATION = strawberry.enum_value(
        "TPE_DESIGNATION", description="Designated third-party entities (TPEs)."
    )
    PIN_NO_OBJECTION = strawberry.enum_value(
        "PIN_NO_OBJECTION", description="Decided no objection to a project idea note (PIN)."
    )
    RULES_AND_MEETING = strawberry.enum_value(
        "RULES_AND_MEETING", description="Adopted rules and guidelines, or held a meeting."
    )


@strawberry.input(description="Joint Committee decisions matching all the given conditions.")
class DecisionFilter:
    ids: list[str] | None = strawberry.field(default=None, description="Decision keys.")
    types: list[DecisionType] | None = strawberry.field(
        default=None, description="What was decided."
    )
    host_countries: list[str] | None = strawberry.field(
        default=None,
        description="ISO codes of the partner countries whose Joint Committee decided.",
    )
    concerns: list[str] | None = strawberry.field(
        default=None,
        description="Keys of what a decision is about: methodology ids, PIN or project refs, "
        "organization ids.",
    )
    decided_from: dt.date | None = strawberry.field(
        default=None, description="Decided on or after this date."
    )
    decided_to: dt.date | None = strawberry.field(
        default=None, description="Decided on or before this date."
    )
    data_quality: list[DataQuality] | None = None
    and_: list[DecisionFilter] | None = strawberry.field(default=None, name="AND")
    or_: list[DecisionFilter] | None = strawberry.field(default=None, name="OR")
    not_: DecisionFilter | None = strawberry.field(default=None, name="NOT")


@strawberry.enum
class DecisionOrderField(Enum):
    KEY = "KEY"
    DECIDED_ON = "DECIDED_ON"


@strawberry.input
class DecisionOrder:
    field: DecisionOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input
class OrganizationFilter:
    ids: list[str] | None = None
    kinds: list[str] | None = None
    countries: list[str] | None = None
    designated_in: list[str] | None = strawberry.field(default=None, description="Partnerships.")
    data_quality: list[DataQuality] | None = None
    and_: list[OrganizationFilter] | None = strawberry.field(default=None, name="AND")
    or_: list[OrganizationFilter] | None = strawberry.field(default=None, name="OR")
    not_: OrganizationFilter | None = strawberry.field(default=None, name="NOT")


@strawberry.enum
class OrganizationOrderField(Enum):
    ID = "ID"
    NAME = "NAME"
    KIND = "KIND"


@strawberry.input
class OrganizationOrder:
    field: OrganizationOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input
class KeyedFilter:
    """Filter of the small lists (programmes, technologies, sectors)."""

    ids: list[str] | None = None
    kinds: list[str] | None = strawberry.field(default=None, description="Programmes only.")
    categories: list[str] | None = strawberry.field(default=None, description="Technologies only.")
    sectors: list[str] | None = strawberry.field(default=None, description="Technologies only.")
    data_quality: list[DataQuality] | None = None


@strawberry.input(description="Units first..last of one series.")
class RangeInput:
    series: str
    first: int
    last: int


@strawberry.input
class CreditBlockFilter:
    ids: list[str] | None = None
    series: list[str] | None = None
    registries: list[str] | None = None
    status: list[BlockStatus] | None = None
    vintage_from: int | None = None
    vintage_to: int | None = None
    min_quantity: int | None = None
    contains_serial: str | None = strawberry.field(
        default=None, description="Blocks holding this unit serial (superseded ones too)."
    )
    overlaps: RangeInput | None = strawberry.field(
        default=None, description="Blocks sharing at least one unit with this range."
    )
    data_quality: list[DataQuality] | None = None
    and_: list[CreditBlockFilter] | None = strawberry.field(default=None, name="AND")
    or_: list[CreditBlockFilter] | None = strawberry.field(default=None, name="OR")
    not_: CreditBlockFilter | None = strawberry.field(default=None, name="NOT")


@strawberry.enum
class CreditBlockOrderField(Enum):
    ID = "ID"
    SERIES = "SERIES"
    FIRST = "FIRST"
    QUANTITY = "QUANTITY"
    VINTAGE = "VINTAGE"


@strawberry.input
class CreditBlockOrder:
    field: CreditBlockOrderField
    direction: OrderDirection = OrderDirection.ASC
