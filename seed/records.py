"""The shape of every seed record, checked before anything is written.

One model per file in seed/data/. Field names are the graph's property names (camelCase);
dates are ISO strings. Every record has `dataQuality` and at least one source.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Quality = Literal["OFFICIAL", "SECONDARY", "ILLUSTRATIVE"]
Side = Literal["JP", "PARTNER"]
# How a fact came about: a source states it, JCM Graph inferred it, or JCM Graph constructed it.
Basis = Literal["STATED", "INFERRED", "CONSTRUCTED"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    dataQuality: Quality
    sources: list[str] = Field(min_length=1)
    note: str | None = None

    @field_validator("sources")
    @classmethod
    def sources_are_references(cls, value: list[str]) -> list[str]:
        for source in value:
            if not source.startswith(("http://", "https://", "seed/")):
                raise ValueError(f"source {source!r} is neither a URL nor a seed document")
        return value


class Country(Record):
    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    region: str
    asean: bool
    jcmPartner: bool
    jcmSitePrefix: str | None = None
    role: str | None = None


class Partnership(Record):
    id: str = Field(pattern=r"^JP-[A-Z]{2}$")
    partner: str
    order: int | None = None
    partnerNumber: int | None = None
    signedOn: dt.date | None = None
    signedAt: str | None = None
    signedOnBasis: Literal["stated", "derived"] | None = None
    documentTitle: str | None = None
    signers: list[str] = []
    status: Literal["SIGNED"]
    firstJointCommitteeOn: dt.date | None = None
    firstJointCommitteeAt: str | None = None


class Sector(Record):
    id: str = Field(pattern=r"^SCOPE-\d{2}$")
    number: int = Field(ge=1, le=15)
    name: str


class Technology(Record):
    id: str
    name: str
    category: Literal[
        "RENEWABLE_ENERGY",
        "ENERGY_EFFICIENCY",
        "LOW_GWP_REFRIGERANT",
        "FORESTRY",
        "WASTE",
        "TRANSPORT",
        "CCUS",
    ]
    sectors: list[str]


class Methodology(Record):
    id: str = Field(pattern=r"^[A-Z]{2}_AM\d{3}$")
    title: str | None = None
    partnership: str
    proposedAs: str | None = None
    sector: str | None = None
    version: str | None = None
    status: str | None = None
    approvedOn: dt.date | None = None
    revisedOn: dt.date | None = None


class Organization(Record):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    kind: Literal["COMPANY", "GOVERNMENT", "AGENCY", "BANK", "TPE", "UNDISCLOSED"]
    country: str | None = None


class TpeDesignation(Record):
    id: str
    organization: str
    partnership: str
    number: str | None = None
    designatedOn: dt.date
    status: Literal["DESIGNATED", "WITHDRAWN"]
    scopesValidation: str | None = None
    scopesVerification: str | None = None
    nameAsListed: str


class Programme(Record):
    id: str = Field(pattern=r"^[A-Z0-9-]+$")
    name: str
    kind: Literal["SUBSIDY", "TRUST_FUND", "DEMONSTRATION", "COLLABORATION"]
    administeredBy: str
    implementedBy: str | None = None
    maxSubsidyRate: float | None = Field(None, gt=0, le=1)
    capJpy: int | None = None
    launchedIn: int | None = None
    establishedIn: int | None = None
    fundSizeUsd: int | None = None
    creditRule: str | None = None


class Participation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    organization: str
    role: Literal["REPRESENTATIVE", "PARTICIPANT"]
    side: Side
    note: str | None = None


class Funding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    programme: str
    amount: float | None = Field(None, gt=0)
    currency: Literal["JPY", "USD"] | None = None
    fiscalYear: int | None = None
    subsidyRate: float | None = Field(None, gt=0, le=1)
    note: str | None = None


class MethodologyUse(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    basis: str | None = None
    version: str | None = None


class Validation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    by: str
    reportOn: dt.date


class ConflictValue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: str
    sources: list[str] = Field(min_length=1)


class Conflict(BaseModel):
    """Sources that disagree on one field: each value is kept with the sources that give it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    field: str
    values: list[ConflictValue] = Field(min_length=2)


class Project(Record):
    ref: str = Field(pattern=r"^[A-Z0-9_-]+$")
    officialRef: bool
    title: str
    titleComplete: bool | None = None
    status: Literal[
        "PIN", "SELECTED", "FINANCED", "PDD", "VALIDATION", "VALIDATED", "REGISTERED", "WITHDRAWN"
    ]
    statusAsGiven: str | None = None
    resubmittedAs: str | None = None
    formerRefs: list[str] = []
    hostCountry: str
    technologies: list[str] = []
    technologiesBasis: Basis | None = None
    derivedFrom: list[str] = []
    conflicts: list[Conflict] = []
    registeredOn: dt.date | None = None
    startedOn: dt.date | None = None
    selectedOn: dt.date | None = None
    pinNoObjectionOn: dt.date | None = None
    operationalLifetimeYears: int | None = None
    location: str | None = None
    estimatedAnnualReduction: float | None = Field(None, ge=0)
    ghgReductionAsListed: float | None = None
    participants: list[Participation] = []
    funding: list[Funding] = []
    methodologies: list[MethodologyUse] = []
    validations: list[Validation] = []


class MonitoringPeriod(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    start: dt.date | None = None
    end: dt.date | None = None
    approxMonths: int | None = None


class Issuance(Record):
    id: str = Field(pattern=r"^ISS-[A-Z0-9_-]+$")
    project: str
    decidedOn: dt.date | None = None
    reportedOn: dt.date | None = None
    issuedOn: dt.date | None = None
    japanRegistryIssuedOn: dt.date | None = None
    jointCommittee: str | None = None
    notifiedTotal: int | None = Field(None, ge=0)
    japanGovernmentShare: int | None = Field(None, ge=0)
    partnerGovernmentShare: int | None = Field(None, ge=0)
    japanSideNotified: int | None = Field(None, ge=0)
    partnerSideNotified: int | None = Field(None, ge=0)
    asItmo: bool | None = None
    monitoringPeriod: MonitoringPeriod | None = None
    # Other projects the same decision covered (the first set's X-MN-01 stood for two).
    alsoFor: list[str] = []
    derivedFrom: list[str] = []
    conflicts: list[Conflict] = []


class DecisionItem(BaseModel):
    """One thing a decision is about: a methodology (id, version), a PIN (id, title) or a TPE
    (name), or, for rules and meetings, what was adopted (title)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str | None = None
    title: str | None = None
    name: str | None = None
    version: str | None = None
    proposedAs: str | None = None
    proponent: str | None = None
    sectoralScope: str | None = None
    publicInput: list[dt.date] = []


class Decision(Record):
    """A Joint Committee decision: methodology approval or revision, TPE designation, no
    objection to a PIN, or rules adopted at a meeting."""

    id: str = Field(pattern=r"^DEC-[A-Z0-9-]+$")
    type: Literal[
        "METHODOLOGY_APPROVAL",
        "METHODOLOGY_REVISION",
        "TPE_DESIGNATION",
        "PIN_NO_OBJECTION",
        "RULES_AND_MEETING",
    ]
    partnership: str
    decidedOn: dt.date | None = None
    body: str | None = None
    items: list[DecisionItem] = Field(min_length=1)
    derivedFrom: list[str] = []
    # What the items name, resolved to graph keys (by id, or by name for TPEs).
    methodologies: list[str] = []
    projects: list[str] = []
    organizations: list[str] = []


class Account(Record):
    id: str = Field(pattern=r"^[A-Z0-9-]+$")
    registry: str = Field(pattern=r"^[A-Z]{2}$")
    kind: Literal["HOLDING", "RETIREMENT", "CANCELLATION"]
    name: str
    ownerCountry: str | None = None
    ownerOrganization: str | None = None


class CorrespondingAdjustment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    party: str
    year: int
    quantity: int = Field(gt=0)
    reportedIn: str | None = None


class LedgerOperation(Record):
    id: str = Field(pattern=r"^TX-[A-Z0-9-]+$")
    op: Literal["ISSUE", "TRANSFER", "RETIRE", "CANCEL"]
    on: dt.date
    series: str = Field(pattern=r"^[A-Z]{2}-[A-Z0-9_-]+-\d{4}-\d+$")
    issuance: str | None = None
    vintage: int | None = None
    quantity: int | None = Field(None, gt=0)
    first: int | None = Field(None, gt=0)
    last: int | None = Field(None, gt=0)
    to: str
    # `from` is a Python keyword: the JSON field is "from".
    source_account: str | None = Field(None, alias="from")
    firstTransfer: bool | None = None
    purpose: str | None = None
    beneficiary: str | None = None
    correspondingAdjustment: CorrespondingAdjustment | None = None
    derivedFrom: list[str] = []


class Authorization(Record):
    id: str
    party: str
    on: dt.date | None = None
    purposes: list[Literal["NDC", "OIMP"]]
    projects: list[str]
    document: str | None = None


class Statistic(Record):
    id: str = Field(pattern=r"^STAT-[A-Z0-9-]+$")
    metric: str
    value: float
    unit: str
    asOf: dt.date | None = None
    # How exact asOf is: a source may date a figure only to its month or year.
    asOfPrecision: Literal["DAY", "MONTH", "YEAR"] | None = None
    quote: str
    country: str | None = None
    programme: str | None = None
    lowerBound: bool | None = None
    approximate: bool | None = None


class ExternalRegistry(Record):
    id: str = Field(pattern=r"^[A-Z0-9-]+$")
    name: str
    kind: str
    country: str | None = None
    cadtName: str | None = None
    identifierPattern: str | None = None
    linkTemplate: str | None = None


class CadtMapping(Record):
    id: str
    from_key: str = Field(alias="from")
    fromKind: Literal["Sector", "Technology"]
    field: Literal["projectSector", "projectType", "unitType"]
    value: str


# file name -> (model, key field)
FILES: dict[str, tuple[type[Record], str]] = {
    "countries.json": (Country, "code"),
    "partnerships.json": (Partnership, "id"),
    "sectors.json": (Sector, "id"),
    "technologies.json": (Technology, "id"),
    "methodologies.json": (Methodology, "id"),
    "organizations.json": (Organization, "id"),
    "tpe_designations.json": (TpeDesignation, "id"),
    "programmes.json": (Programme, "id"),
    "projects.json": (Project, "ref"),
    "issuances.json": (Issuance, "id"),
    "decisions.json": (Decision, "id"),
    "accounts.json": (Account, "id"),
    "ledger.json": (LedgerOperation, "id"),
    "authorizations.json": (Authorization, "id"),
    "statistics.json": (Statistic, "id"),
    "external_registries.json": (ExternalRegistry, "id"),
    "cadt_mappings.json": (CadtMapping, "id"),
}
