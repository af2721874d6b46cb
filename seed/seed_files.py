"""Reads and checks the seed files: every problem is reported as `file:record: what is wrong`
before anything is written."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from seed.records import FILES, Record
from seed.source_kinds import has_official_source

DATA_DIR = Path(__file__).parent / "data"

SeedRecords = dict[str, list[Any]]


class SeedError(Exception):
    """The seed data is not loadable; `problems` lists each bad record."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the seed data:\n" + "\n".join(problems))


def read_seed(data_dir: Path = DATA_DIR) -> SeedRecords:
    """Every file parsed and every record validated; raises SeedError listing all problems."""
    problems: list[str] = []
    records: SeedRecords = {}
    for name, (model, key_field) in FILES.items():
        path = data_dir / name
        try:
            raw = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            problems.append(f"{name}: file is missing")
            continue
        except json.JSONDecodeError as exc:
            problems.append(f"{name}:line {exc.lineno}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(raw, list):
            problems.append(f"{name}: must hold a JSON list of records")
            continue
        records[name] = list(_validated(name, raw, model, key_field, problems))
    if not problems:
        problems += check_references(records)
        problems += check_labels(records)
    if problems:
        raise SeedError(problems)
    return records


def _validated(
    name: str, raw: list[Any], model: type[Record], key_field: str, problems: list[str]
) -> Iterable[Record]:
    seen: set[str] = set()
    for index, item in enumerate(raw):
        label = _record_label(item, key_field, index)
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            for error in exc.errors():
                where = ".".join(str(part) for part in error["loc"]) or "record"
                problems.append(f"{name}:{label}: {where}: {error['msg']}")
            continue
        key = getattr(record, key_field)
        if key in seen:
            problems.append(f"{name}:{label}: duplicate {key_field} {key!r}")
        seen.add(key)
        yield record


def _record_label(item: Any, key_field: str, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get(key_field), str | int):
        return str(item[key_field])
    return f"#{index + 1}"


def check_labels(records: SeedRecords) -> list[str]:
    """An OFFICIAL record must rest on at least one official source (seed/source_kinds.py)."""
    return [
        f"{name}:{getattr(r, FILES[name][1])}: OFFICIAL needs an official source "
        "(a government or JCM page, not a copy); label it SECONDARY or cite the official page"
        for name, rows in records.items()
        for r in rows
        if r.dataQuality == "OFFICIAL" and not has_official_source(r.sources)
    ]


def check_references(records: SeedRecords) -> list[str]:
    """Every reference from one record to another points at a record that exists."""
    keys = {name: {getattr(r, FILES[name][1]) for r in rows} for name, rows in records.items()}
    problems: list[str] = []

    def need(file: str, record: str, field: str, value: Any, target: str) -> None:
        if value is not None and value not in keys.get(target, set()):
            problems.append(
                f"{file}:{record}: {field}: unknown {target.removesuffix('.json')} {value!r}"
            )

    for p in records.get("partnerships.json", []):
        need("partnerships.json", p.id, "partner", p.partner, "countries.json")
    for t in records.get("technologies.json", []):
        for sector in t.sectors:
            need("technologies.json", t.id, "sectors", sector, "sectors.json")
    for m in records.get("methodologies.json", []):
        need("methodologies.json", m.id, "partnership", m.partnership, "partnerships.json")
        need("methodologies.json", m.id, "sector", m.sector, "sectors.json")
    for o in records.get("organizations.json", []):
        need("organizations.json", o.id, "country", o.country, "countries.json")
    for d in records.get("tpe_designations.json", []):
        need("tpe_designations.json", d.id, "organization", d.organization, "organizations.json")
        need("tpe_designations.json", d.id, "partnership", d.partnership, "partnerships.json")
    for f in records.get("programmes.json", []):
        need("programmes.json", f.id, "administeredBy", f.administeredBy, "organizations.json")
        need("programmes.json", f.id, "implementedBy", f.implementedBy, "organizations.json")
    for p in records.get("projects.json", []):
        need("projects.json", p.ref, "hostCountry", p.hostCountry, "countries.json")
        for t in p.technologies:
            need("projects.json", p.ref, "technologies", t, "technologies.json")
        for part in p.participants:
            need("projects.json", p.ref, "participants", part.organization, "organizations.json")
        for fund in p.funding:
            need("projects.json", p.ref, "funding", fund.programme, "programmes.json")
        for use in p.methodologies:
            need("projects.json", p.ref, "methodologies", use.id, "methodologies.json")
        for v in p.validations:
            need("projects.json", p.ref, "validations.by", v.by, "organizations.json")
        need("projects.json", p.ref, "resubmittedAs", p.resubmittedAs, "projects.json")
        for former in p.formerRefs:
            if former in keys.get("projects.json", set()):
                problems.append(f"projects.json:{p.ref}: formerRefs: {former!r} is a current ref")
    for i in records.get("issuances.json", []):
        need("issuances.json", i.id, "project", i.project, "projects.json")
        for other in i.alsoFor:
            need("issuances.json", i.id, "alsoFor", other, "projects.json")
    for d in records.get("decisions.json", []):
        need("decisions.json", d.id, "partnership", d.partnership, "partnerships.json")
        for m in d.methodologies:
            need("decisions.json", d.id, "methodologies", m, "methodologies.json")
        for ref in d.projects:
            need("decisions.json", d.id, "projects", ref, "projects.json")
        for org in d.organizations:
            need("decisions.json", d.id, "organizations", org, "organizations.json")
    for a in records.get("accounts.json", []):
        need("accounts.json", a.id, "ownerCountry", a.ownerCountry, "countries.json")
        need("accounts.json", a.id, "ownerOrganization", a.ownerOrganization, "organizations.json")
        if (a.ownerCountry is None) == (a.ownerOrganization is None):
            problems.append(
                f"accounts.json:{a.id}: give exactly one of ownerCountry, ownerOrganization"
            )
    for op in records.get("ledger.json", []):
        need("ledger.json", op.id, "issuance", op.issuance, "issuances.json")
        need("ledger.json", op.id, "to", op.to, "accounts.json")
        need("ledger.json", op.id, "from", op.source_account, "accounts.json")
    for auth in records.get("authorizations.json", []):
        need("authorizations.json", auth.id, "party", auth.party, "countries.json")
        for ref in auth.projects:
            need("authorizations.json", auth.id, "projects", ref, "projects.json")
    for r in records.get("external_registries.json", []):
        need("external_registries.json", r.id, "country", r.country, "countries.json")
    for m in records.get("cadt_mappings.json", []):
        target = "sectors.json" if m.fromKind == "Sector" else "technologies.json"
        need("cadt_mappings.json", m.id, "from", m.from_key, target)
    for s in records.get("statistics.json", []):
        need("statistics.json", s.id, "country", s.country, "countries.json")
        need("statistics.json", s.id, "programme", s.programme, "programmes.json")
    return problems
