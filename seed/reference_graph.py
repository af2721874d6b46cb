"""Turns the checked seed records into the graph payload: nodes, relationships and the ledger."""

from __future__ import annotations

import json
from typing import Any

from seed.graph_payload import GraphPayload, add_ledger, link_kind
from seed.ledger_builder import Ledger, LedgerError
from seed.records import Record
from seed.seed_files import SeedError, SeedRecords

COMMON = ("dataQuality", "note")


def props(record: Record, *fields: str, **extra: Any) -> dict[str, Any]:
    values = {f: getattr(record, f) for f in (*fields, *COMMON)}
    return {**values, **extra}


def build_reference_graph(records: SeedRecords) -> GraphPayload:
    g = GraphPayload()
    for c in records["countries.json"]:
        g.node(
            "Country",
            props(
                c, "code", "name", "iso3", "region", "asean", "jcmPartner", "jcmSitePrefix", "role"
            ),
            c.sources,
        )
    for p in records["partnerships.json"]:
        g.node(
            "Partnership",
            props(
                p,
                "id",
                "order",
                "partnerNumber",
                "signedOn",
                "signedAt",
                "signedOnBasis",
                "documentTitle",
                "status",
                "firstJointCommitteeOn",
                "firstJointCommitteeAt",
                signers=list(p.signers),
            ),
            p.sources,
        )
        between = link_kind("Partnership", "BETWEEN", "Country")
        g.link(between, p.id, "JP", side="JP")
        g.link(between, p.id, p.partner, side="PARTNER")
    for s in records["sectors.json"]:
        g.node("Sector", props(s, "id", "number", "name"), s.sources)
    for t in records["technologies.json"]:
        g.node("Technology", props(t, "id", "name", "category"), t.sources)
        for sector in t.sectors:
            g.link(link_kind("Technology", "IN_SECTOR", "Sector"), t.id, sector)
    for m in records["methodologies.json"]:
        g.node(
            "Methodology",
            props(m, "id", "title", "proposedAs", "version", "status", "approvedOn", "revisedOn"),
            m.sources,
        )
        g.link(link_kind("Methodology", "APPROVED_UNDER", "Partnership"), m.id, m.partnership)
        if m.sector:
            g.link(link_kind("Methodology", "IN_SECTOR", "Sector"), m.id, m.sector)
    for o in records["organizations.json"]:
        g.node("Organization", props(o, "id", "name", "kind", "country"), o.sources)
        if o.country:
            g.link(link_kind("Organization", "BASED_IN", "Country"), o.id, o.country)
    for d in records["tpe_designations.json"]:
        g.link(
            link_kind("Organization", "DESIGNATED_AS_TPE", "Partnership"),
            d.organization,
            d.partnership,
            id=d.id,
            number=d.number,
            designatedOn=d.designatedOn,
            status=d.status,
            scopesValidation=d.scopesValidation,
            scopesVerification=d.scopesVerification,
            nameAsListed=d.nameAsListed,
            dataQuality=d.dataQuality,
            sources=list(d.sources),
            note=d.note,
        )
    for f in records["programmes.json"]:
        g.node(
            "FundingProgramme",
            props(
                f,
                "id",
                "name",
                "kind",
                "maxSubsidyRate",
                "capJpy",
                "launchedIn",
                "establishedIn",
                "fundSizeUsd",
                "creditRule",
            ),
            f.sources,
        )
        administered = link_kind("FundingProgramme", "ADMINISTERED_BY", "Organization")
        g.link(administered, f.id, f.administeredBy, role="ADMINISTRATOR")
        if f.implementedBy:
            g.link(administered, f.id, f.implementedBy, role="IMPLEMENTER")
    for p in records["projects.json"]:
        _add_project(g, p)
    for i in records["issuances.json"]:
        _add_issuance(g, i)
    for d in records["decisions.json"]:
        _add_decision(g, d)
    for a in records["accounts.json"]:
        g.node("Account", props(a, "id", "registry", "kind", "name"), a.sources)
        if a.ownerCountry:
            g.link(link_kind("Account", "OWNED_BY", "Country"), a.id, a.ownerCountry)
        else:
            g.link(link_kind("Account", "OWNED_BY", "Organization"), a.id, a.ownerOrganization)
    add_ledger(g, replay_ledger(records))
    for auth in records["authorizations.json"]:
        g.node(
            "Authorization",
            props(auth, "id", "party", "on", "document", purposes=list(auth.purposes)),
            auth.sources,
        )
        g.link(link_kind("Authorization", "BY", "Country"), auth.id, auth.party)
        for ref in auth.projects:
            g.link(link_kind("Authorization", "COVERS", "Project"), auth.id, ref)
    for s in records["statistics.json"]:
        g.node(
            "Statistic",
            props(
                s,
                "id",
                "metric",
                "value",
                "unit",
                "asOf",
                "asOfPrecision",
                "quote",
                "lowerBound",
                "approximate",
            ),
            s.sources,
        )
        if s.country:
            g.link(link_kind("Statistic", "ABOUT", "Country"), s.id, s.country)
        if s.programme:
            g.link(link_kind("Statistic", "ABOUT", "FundingProgramme"), s.id, s.programme)
    for r in records["external_registries.json"]:
        g.node(
            "ExternalRegistry",
            props(
                r,
                "id",
                "name",
                "kind",
                "cadtName",
                "identifierPattern",
                "linkTemplate",
                country=r.country,
            ),
            r.sources,
        )
        if r.country:
            g.link(link_kind("ExternalRegistry", "BASED_IN", "Country"), r.id, r.country)
    for m in records["cadt_mappings.json"]:
        term = f"{m.field}:{m.value}"
        g.node(
            "ExternalTerm",
            {
                "id": term,
                "scheme": "CAD Trust",
                "field": m.field,
                "value": m.value,
                "dataQuality": "SECONDARY",
            },
            m.sources,
        )
        g.link(
            link_kind(m.fromKind, "MAPS_TO", "ExternalTerm"),
            m.from_key,
            term,
            mapping=m.id,
            note=m.note,
        )
    return g


def _add_project(g: GraphPayload, p: Any) -> None:
    g.node(
        "Project",
        props(
            p,
            "ref",
            "officialRef",
            "title",
            "titleComplete",
            "status",
            "statusAsGiven",
            "resubmittedAs",
            "technologiesBasis",
            "registeredOn",
            "startedOn",
            "selectedOn",
            "pinNoObjectionOn",
            "operationalLifetimeYears",
            "location",
            "estimatedAnnualReduction",
            "ghgReductionAsListed",
            hostCountry=p.hostCountry,
            formerRefs=p.formerRefs or None,
            derivedFrom=p.derivedFrom or None,
            conflicts=json.dumps([c.model_dump() for c in p.conflicts]) if p.conflicts else None,
        ),
        p.sources,
    )
    g.link(link_kind("Project", "HOSTED_IN", "Country"), p.ref, p.hostCountry)
    g.link(link_kind("Project", "UNDER", "Partnership"), p.ref, f"JP-{p.hostCountry}")
    for tech in p.technologies:
        g.link(link_kind("Project", "USES", "Technology"), p.ref, tech, basis=p.technologiesBasis)
    for use in p.methodologies:
        g.link(
            link_kind("Project", "APPLIES", "Methodology"),
            p.ref,
            use.id,
            basis=use.basis,
            version=use.version,
        )
    for f in p.funding:
        g.link(
            link_kind("Project", "FUNDED_BY", "FundingProgramme"),
            p.ref,
            f.programme,
            amount=f.amount,
            currency=f.currency,
            fiscalYear=f.fiscalYear,
            subsidyRate=f.subsidyRate,
            note=f.note,
        )
    for part in p.participants:
        g.link(
            link_kind("Organization", "PARTICIPATES_IN", "Project"),
            part.organization,
            p.ref,
            role=part.role,
            side=part.side,
            note=part.note,
        )
    for v in p.validations:
        g.node(
            "Validation",
            {"id": v.id, "reportOn": v.reportOn, "dataQuality": p.dataQuality},
            p.sources,
        )
        g.link(link_kind("Validation", "OF", "Project"), v.id, p.ref)
        g.link(link_kind("Validation", "BY", "Organization"), v.id, v.by)


def _add_decision(g: GraphPayload, d: Any) -> None:
    items = [i.model_dump(mode="json", exclude_defaults=True) for i in d.items]
    g.node(
        "Decision",
        props(
            d,
            "id",
            "type",
            "decidedOn",
            "body",
            items=json.dumps(items, ensure_ascii=False),
            derivedFrom=d.derivedFrom or None,
            hostCountry=d.partnership.removeprefix("JP-"),
        ),
        d.sources,
    )
    g.link(link_kind("Decision", "UNDER", "Partnership"), d.id, d.partnership)
    for m in d.methodologies:
        g.link(link_kind("Decision", "CONCERNS", "Methodology"), d.id, m)
    for ref in d.projects:
        g.link(link_kind("Decision", "CONCERNS", "Project"), d.id, ref)
    for org in d.organizations:
        g.link(link_kind("Decision", "CONCERNS", "Organization"), d.id, org)


def _add_issuance(g: GraphPayload, i: Any) -> None:
    g.node(
        "Issuance",
        props(
            i,
            "id",
            "decidedOn",
            "reportedOn",
            "issuedOn",
            "japanRegistryIssuedOn",
            "jointCommittee",
            "notifiedTotal",
            "japanGovernmentShare",
            "partnerGovernmentShare",
            "japanSideNotified",
            "partnerSideNotified",
            "asItmo",
            project=i.project,
            derivedFrom=i.derivedFrom or None,
            conflicts=json.dumps([c.model_dump() for c in i.conflicts]) if i.conflicts else None,
        ),
        i.sources,
    )
    g.link(link_kind("Issuance", "OF", "Project"), i.id, i.project)
    for other in i.alsoFor:
        g.link(link_kind("Issuance", "OF", "Project"), i.id, other, shared=True)
    mp = i.monitoringPeriod
    if mp:
        g.node(
            "MonitoringPeriod",
            {
                "id": mp.id,
                "startOn": mp.start,
                "endOn": mp.end,
                "approxMonths": mp.approxMonths,
                "dataQuality": i.dataQuality,
            },
            i.sources,
        )
        g.link(link_kind("MonitoringPeriod", "OF", "Project"), mp.id, i.project)
        g.link(link_kind("Issuance", "COVERS", "MonitoringPeriod"), i.id, mp.id)


def replay_ledger(records: SeedRecords) -> Ledger:
    accounts = {a.id: (a.registry, a.kind) for a in records["accounts.json"]}
    project_of = {i.id: i.project for i in records["issuances.json"]}
    ledger = Ledger(accounts)
    problems: list[str] = []
    last_on = None
    for op in records["ledger.json"]:
        where = f"ledger.json:{op.id}"
        if last_on and op.on < last_on:
            problems.append(f"{where}: on {op.on} is before the previous operation ({last_on})")
        last_on = op.on
        try:
            if op.op == "ISSUE":
                missing = [f for f in ("issuance", "vintage", "quantity") if getattr(op, f) is None]
                if missing or op.first or op.last or op.source_account:
                    problems.append(
                        f"{where}: ISSUE needs issuance, vintage and quantity, "
                        "and no first, last or from"
                    )
                    continue
                ledger.issue(
                    op.id,
                    on=op.on,
                    series=op.series,
                    issuance=op.issuance,
                    project=project_of[op.issuance],
                    vintage=op.vintage,
                    to=op.to,
                    quantity=op.quantity,
                    quality=op.dataQuality,
                    sources=list(op.sources),
                    note=op.note,
                )
            else:
                if op.first is None or op.last is None or op.source_account is None:
                    problems.append(f"{where}: {op.op} needs first, last and from")
                    continue
                expected = {"TRANSFER": "HOLDING", "RETIRE": "RETIREMENT", "CANCEL": "CANCELLATION"}
                if accounts[op.to][1] != expected[op.op]:
                    problems.append(f"{where}: {op.op} must go to a {expected[op.op]} account")
                    continue
                ca = op.correspondingAdjustment.model_dump() if op.correspondingAdjustment else None
                ledger.move(
                    op.id,
                    on=op.on,
                    series=op.series,
                    first=op.first,
                    last=op.last,
                    source=op.source_account,
                    to=op.to,
                    quality=op.dataQuality,
                    sources=list(op.sources),
                    first_transfer=bool(op.firstTransfer),
                    purpose=op.purpose,
                    beneficiary=op.beneficiary,
                    note=op.note,
                    corresponding_adjustment=ca,
                )
        except LedgerError as exc:
            problems.append(f"{where}: {exc}")
    if problems:
        raise SeedError(problems)
    return ledger
