"""Synthetic scale data: N projects with issuances, registry series, blocks, transfers with
splits, retirements, cancellations, Article 6.2 authorizations and corresponding adjustments.

Deterministic for a given seed, labelled ILLUSTRATIVE, and kept apart from real records by the
`SYN-` / `syn-` prefix of every key. It links only to the reference taxonomy (countries,
partnerships, technologies, programmes), which the real seed provides. The ledger is replayed
by the same builder as the real one, so it obeys the same invariants.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator

from seed.graph_payload import GraphPayload, add_ledger, link_kind
from seed.ledger_builder import Ledger

SOURCE = "seed/README.md#synthetic-data"
QUALITY = "ILLUSTRATIVE"
HOSTS = ["ID", "TH", "VN", "MN", "KH", "LA", "PH", "BD", "LK", "MV", "PW", "KE", "MX", "CR", "SA"]
TECHNOLOGIES = [
    "solar-pv",
    "rooftop-solar-pv",
    "centrifugal-chiller",
    "efficient-boiler",
    "heat-only-boiler",
    "efficient-refrigeration",
    "natural-refrigerant",
    "led-lighting",
    "waste-to-energy",
    "biomass-power",
    "redd-plus",
    "inverter-pump",
    "cogeneration",
    "transport-optimization",
]
TPES = 12
COMPANIES_PER_SIDE = 150
START = dt.date(2014, 1, 1)


def synthetic_graph(n_projects: int, *, seed: int = 1, moves_per_series: int = 12) -> GraphPayload:
    """The whole synthetic graph in one payload (for tests and small loads)."""
    g = GraphPayload()
    for _ in _generate(n_projects, seed, moves_per_series, n_projects or 1, lambda: g):
        pass
    return g


def synthetic_payloads(
    n_projects: int, *, seed: int = 1, moves_per_series: int = 12, chunk: int = 250
) -> Iterator[tuple[int, GraphPayload]]:
    """The same graph in parts, so a large load never holds it all: first the organizations
    and accounts, then `chunk` projects at a time with their ledger; each part comes with the
    number of projects generated so far. Parts are to be written in order."""
    yield from _generate(n_projects, seed, moves_per_series, chunk, GraphPayload)


def _generate(
    n_projects: int,
    seed: int,
    moves_per_series: int,
    chunk: int,
    new_payload: Callable[[], GraphPayload],
) -> Iterator[tuple[int, GraphPayload]]:
    rng = random.Random(seed)
    g = new_payload()
    accounts: dict[str, tuple[str, str]] = {}
    orgs = _organizations(g, rng, accounts)
    for code in [*HOSTS, "JP"]:
        for kind in ("HOLDING", "RETIREMENT", "CANCELLATION"):
            account = f"SYN-{code}-GOV-{kind}"
            accounts[account] = (code, kind)
            g.node(
                "Account",
                {
                    "id": account,
                    "registry": code,
                    "kind": kind,
                    "name": f"Synthetic {code} government {kind.lower()} account",
                    "dataQuality": QUALITY,
                },
                [SOURCE],
            )
            g.link(link_kind("Account", "OWNED_BY", "Country"), account, code)
    shared = {label: set(rows) for label, rows in g.nodes.items()}
    yield 0, g
    # A link query makes a node's links of one kind exactly those it is given: links from
    # the first part's nodes (an organization's projects) are written once, at the end.
    deferred = new_payload()
    seq = 0
    for start in range(1, n_projects + 1, chunk):
        g = new_payload()
        # Each part's series are its own projects': a ledger per part, numbering on.
        ledger = Ledger(accounts, seq_offset=seq)
        end = min(start + chunk, n_projects + 1)
        for i in range(start, end):
            _project(g, ledger, rng, i, orgs, moves_per_series)
        add_ledger(g, ledger)
        seq += len(ledger.transactions)
        if g is not deferred:
            for kind, by_source in g.links.items():
                for source in [s for s in by_source if s in shared.get(kind.from_label, ())]:
                    deferred.links[kind][source].extend(by_source.pop(source))
        yield end - 1, g
    if deferred is not g:
        yield n_projects, deferred


def _organizations(g: GraphPayload, rng: random.Random, accounts: dict) -> dict[str, list[str]]:
    orgs: dict[str, list[str]] = {"TPE": [], "JP": []}
    for t in range(1, TPES + 1):
        oid = f"syn-tpe-{t:02d}"
        g.node(
            "Organization",
            {"id": oid, "name": f"Synthetic Verifier {t}", "kind": "TPE", "dataQuality": QUALITY},
            [SOURCE],
        )
        orgs["TPE"].append(oid)
    for code in [*HOSTS, "JP"]:
        orgs.setdefault(code, [])
        count = COMPANIES_PER_SIDE if code == "JP" else COMPANIES_PER_SIDE // 5
        for c in range(1, count + 1):
            oid = f"syn-{code.lower()}-co-{c:03d}"
            g.node(
                "Organization",
                {
                    "id": oid,
                    "name": f"Synthetic {code} Company {c}",
                    "kind": "COMPANY",
                    "country": code,
                    "dataQuality": QUALITY,
                },
                [SOURCE],
            )
            g.link(link_kind("Organization", "BASED_IN", "Country"), oid, code)
            account = f"SYN-{code}-{oid.upper()}"
            accounts[account] = (code, "HOLDING")
            g.node(
                "Account",
                {
                    "id": account,
                    "registry": code,
                    "kind": "HOLDING",
                    "name": f"Synthetic {code} Company {c} holding account",
                    "dataQuality": QUALITY,
                },
                [SOURCE],
            )
            g.link(link_kind("Account", "OWNED_BY", "Organization"), account, oid)
            orgs[code].append(oid)
    return orgs


def _project(
    g: GraphPayload, ledger: Ledger, rng: random.Random, i: int, orgs: dict, moves: int
) -> None:
    ref = f"SYN-{i:05d}"
    host = rng.choice(HOSTS)
    tech = rng.choice(TECHNOLOGIES)
    registered = START + dt.timedelta(days=rng.randrange(0, 11 * 365))
    reduction = round(rng.lognormvariate(7.5, 1.1))
    g.node(
        "Project",
        {
            "ref": ref,
            "officialRef": False,
            "title": f"Synthetic {tech} project {i} in {host}",
            "status": "REGISTERED",
            "registeredOn": registered,
            "hostCountry": host,
            "estimatedAnnualReduction": float(reduction),
            "dataQuality": QUALITY,
        },
        [SOURCE],
    )
    g.link(link_kind("Project", "HOSTED_IN", "Country"), ref, host)
    g.link(link_kind("Project", "UNDER", "Partnership"), ref, f"JP-{host}")
    g.link(link_kind("Project", "USES", "Technology"), ref, tech)
    model = rng.random() < 0.8
    if model:
        g.link(
            link_kind("Project", "FUNDED_BY", "FundingProgramme"),
            ref,
            "MOEJ-MODEL",
            amount=float(rng.randrange(50, 2000) * 1_000_000),
            currency="JPY",
            fiscalYear=registered.year - 1,
            subsidyRate=rng.choice([0.3, 0.4, 0.5]),
        )
    jp_org = rng.choice(orgs["JP"])
    host_org = rng.choice(orgs[host])
    g.link(
        link_kind("Organization", "PARTICIPATES_IN", "Project"),
        jp_org,
        ref,
        role="REPRESENTATIVE",
        side="JP",
    )
    g.link(
        link_kind("Organization", "PARTICIPATES_IN", "Project"),
        host_org,
        ref,
        role="PARTICIPANT",
        side="PARTNER",
    )
    authorized = registered.year >= 2021 and rng.random() < 0.35
    if authorized:
        auth = f"SYN-AUTH-{i:05d}"
        g.node(
            "Authorization",
            {
                "id": auth,
                "party": host,
                "on": registered,
                "purposes": ["NDC"],
                "dataQuality": QUALITY,
            },
            [SOURCE],
        )
        g.link(link_kind("Authorization", "BY", "Country"), auth, host)
        g.link(link_kind("Authorization", "COVERS", "Project"), auth, ref)
    period_start = registered
    for n in range(1, rng.randint(1, 4) + 1):
        period_end = period_start + dt.timedelta(days=rng.randrange(180, 720))
        decided = period_end + dt.timedelta(days=rng.randrange(60, 300))
        total = max(2, round(reduction * (period_end - period_start).days / 365))
        _issuance(
            g,
            ledger,
            rng,
            ref,
            n,
            host,
            period_start,
            period_end,
            decided,
            total,
            jp_org,
            host_org,
            orgs,
            moves,
            authorized,
        )
        period_start = period_end + dt.timedelta(days=1)


def _issuance(
    g: GraphPayload,
    ledger: Ledger,
    rng: random.Random,
    ref: str,
    n: int,
    host: str,
    start: dt.date,
    end: dt.date,
    decided: dt.date,
    total: int,
    jp_org: str,
    host_org: str,
    orgs: dict,
    moves: int,
    authorized: bool,
) -> None:
    iss, mp, ver = f"SYN-ISS-{ref}-{n}", f"SYN-MP-{ref}-{n}", f"SYN-VER-{ref}-{n}"
    g.node(
        "MonitoringPeriod",
        {"id": mp, "startOn": start, "endOn": end, "dataQuality": QUALITY},
        [SOURCE],
    )
    g.link(link_kind("MonitoringPeriod", "OF", "Project"), mp, ref)
    g.node(
        "Verification",
        {
            "id": ver,
            "reportOn": decided - dt.timedelta(days=30),
            "verifiedQuantity": total,
            "dataQuality": QUALITY,
        },
        [SOURCE],
    )
    g.link(link_kind("Verification", "OF", "MonitoringPeriod"), ver, mp)
    g.link(link_kind("Verification", "BY", "Organization"), ver, rng.choice(orgs["TPE"]))
    # Japan's registry takes most; the GoJ gets at least half of the whole issuance.
    jp_total = max(1, round(total * rng.uniform(0.6, 0.8)))
    host_total = total - jp_total
    goj = min(jp_total, (total + 1) // 2 + rng.randrange(0, max(1, jp_total - (total + 1) // 2)))
    g.node(
        "Issuance",
        {
            "id": iss,
            "project": ref,
            "decidedOn": decided,
            "notifiedTotal": total,
            "japanGovernmentShare": goj,
            "dataQuality": QUALITY,
        },
        [SOURCE],
    )
    g.link(link_kind("Issuance", "OF", "Project"), iss, ref)
    g.link(link_kind("Issuance", "COVERS", "MonitoringPeriod"), iss, mp)
    g.link(link_kind("Issuance", "FOR", "Verification"), iss, ver)
    vintage = end.year
    on = decided + dt.timedelta(days=1)
    jp_series = f"JP-{ref}-{vintage}-{n}"
    _issue(ledger, jp_series, iss, ref, vintage, on, "SYN-JP-GOV-HOLDING", goj, n)
    if jp_total > goj:
        _issue(
            ledger,
            jp_series,
            iss,
            ref,
            vintage,
            on,
            _company_account("JP", jp_org),
            jp_total - goj,
            n,
            "b",
        )
    if host_total > 0:
        host_series = f"{host}-{ref}-{vintage}-{n}"
        gov = max(1, host_total // 2) if host_total > 1 else host_total
        _issue(ledger, host_series, iss, ref, vintage, on, f"SYN-{host}-GOV-HOLDING", gov, n)
        if host_total > gov:
            _issue(
                ledger,
                host_series,
                iss,
                ref,
                vintage,
                on,
                _company_account(host, host_org),
                host_total - gov,
                n,
                "b",
            )
        _moves(ledger, rng, host_series, host, on, orgs, moves, authorized)
    _moves(ledger, rng, jp_series, "JP", on, orgs, moves, False)


def _issue(
    ledger: Ledger,
    series: str,
    iss: str,
    ref: str,
    vintage: int,
    on: dt.date,
    account: str,
    quantity: int,
    n: int,
    part: str = "a",
) -> None:
    ledger.issue(
        f"SYN-TX-{series}-{part}",
        on=on,
        series=series,
        issuance=iss,
        project=ref,
        vintage=vintage,
        to=account,
        quantity=quantity,
        quality=QUALITY,
        sources=[SOURCE],
    )


def _company_account(code: str, org: str) -> str:
    return f"SYN-{code}-{org.upper()}"


def _moves(
    ledger: Ledger,
    rng: random.Random,
    series: str,
    registry: str,
    on: dt.date,
    orgs: dict,
    count: int,
    authorized: bool,
) -> None:
    """Random transfers, retirements and cancellations of held units, in date order."""
    for k in range(1, rng.randint(count // 2, count) + 1):
        held = [b for b in ledger.live_blocks(series) if b.status == "HELD"]
        if not held:
            return
        block = rng.choice(held)
        length = rng.randint(1, block.quantity)
        first = block.first + rng.randrange(0, block.quantity - length + 1)
        last = first + length - 1
        on = on + dt.timedelta(days=rng.randrange(1, 60))
        roll = rng.random()
        tx = f"SYN-TX-{series}-m{k}"
        common = {
            "on": on,
            "series": series,
            "first": first,
            "last": last,
            "source": block.account,
            "quality": QUALITY,
            "sources": [SOURCE],
        }
        international = authorized and block.registry == registry != "JP" and roll < 0.25
        if international:
            ca = None
            if rng.random() < 0.9:
                ca = {
                    "id": f"SYN-CA-{series}-m{k}",
                    "party": registry,
                    "year": on.year,
                    "quantity": length,
                    "reportedIn": "Synthetic annual information",
                }
            ledger.move(
                tx,
                to="SYN-JP-GOV-HOLDING",
                first_transfer=True,
                purpose="NDC",
                corresponding_adjustment=ca,
                **common,
            )
        elif roll < 0.6:
            target = rng.choice(orgs[block.registry] if block.registry != "JP" else orgs["JP"])
            destination = _company_account(block.registry, target)
            if destination == block.account:
                destination = f"SYN-{block.registry}-GOV-HOLDING"
            ledger.move(tx, to=destination, **common)
        elif roll < 0.92:
            ledger.move(
                tx,
                to=f"SYN-{block.registry}-GOV-RETIREMENT",
                purpose="NDC",
                beneficiary="Synthetic beneficiary",
                **common,
            )
        else:
            ledger.move(
                tx,
                to=f"SYN-{block.registry}-GOV-CANCELLATION",
                purpose="VOLUNTARY_CANCELLATION",
                **common,
            )
