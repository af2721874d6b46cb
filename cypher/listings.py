"""The lists the API can filter, sort and page, and what each may be filtered and sorted by.

Filter values arrive as parameters; the names here are the only fields a client can use.
"""

from __future__ import annotations

from cypher.listing import FilterField as F
from cypher.listing import Listing
from cypher.listing import SortField as S

QUALITY = F("n.dataQuality", "in")


def _text(expr: str) -> S:
    return S(f"coalesce({expr}, '')", "string")


def _number(expr: str) -> S:
    return S(f"coalesce({expr}, -1.0e300)", "number")


def _date(expr: str) -> S:
    # Dates sort as ISO strings: FalkorDB orders dates before 1970 wrongly.
    return S(f"coalesce(toString({expr}), '')", "string")


PROJECTS = Listing(
    label="Project",
    key="ref",
    page_query="projects_page",
    count_query="projects_count",
    filters={
        "refs": F("n.ref", "in"),
        "status": F("n.status", "in"),
        "hostCountries": F("n.hostCountry", "in"),
        "asean": F(
            "aseanHosts",
            "flag",
            derive="size([(n)-[:HOSTED_IN]->(c:Country) WHERE c.asean = true | c.code])",
        ),
        "sectors": F(
            "sectorIds",
            "any_in",
            derive="[(n)-[:USES]->(:Technology)-[:IN_SECTOR]->(s:Sector) | s.id]",
        ),
        "technologies": F("technologyIds", "any_in", derive="[(n)-[:USES]->(t:Technology) | t.id]"),
        "programmes": F(
            "programmeIds", "any_in", derive="[(n)-[:FUNDED_BY]->(f:FundingProgramme) | f.id]"
        ),
        "methodologies": F(
            "methodologyIds", "any_in", derive="[(n)-[:APPLIES]->(m:Methodology) | m.id]"
        ),
        "registeredFrom": F("n.registeredOn", "gte", date=True),
        "registeredTo": F("n.registeredOn", "lte", date=True),
        "reductionMin": F("n.estimatedAnnualReduction", "gte"),
        "reductionMax": F("n.estimatedAnnualReduction", "lte"),
        "dataQuality": QUALITY,
        "hasIssuance": F("issuanceCount", "flag", derive="size([(i:Issuance)-[:OF]->(n) | i.id])"),
        "officialRef": F("n.officialRef", "eq"),
    },
    sorts={
        "REF": S("n.ref", "string"),
        "TITLE": _text("n.title"),
        "STATUS": _text("n.status"),
        "HOST_COUNTRY": _text("n.hostCountry"),
        "REGISTERED_ON": _date("n.registeredOn"),
        "ESTIMATED_ANNUAL_REDUCTION": _number("n.estimatedAnnualReduction"),
    },
)

COUNTRIES = Listing(
    label="Country",
    key="code",
    page_query="countries_page",
    count_query="countries_count",
    filters={
        "codes": F("n.code", "in"),
        "asean": F("n.asean", "eq"),
        "jcmPartner": F("n.jcmPartner", "eq"),
        "regions": F("n.region", "in"),
        "dataQuality": QUALITY,
    },
    sorts={"CODE": S("n.code", "string"), "NAME": _text("n.name"), "REGION": _text("n.region")},
)

PARTNERSHIPS = Listing(
    label="Partnership",
    key="id",
    page_query="partnerships_page",
    count_query="partnerships_count",
    filters={
        "ids": F("n.id", "in"),
        "signedFrom": F("n.signedOn", "gte", date=True),
        "signedTo": F("n.signedOn", "lte", date=True),
        "dataQuality": QUALITY,
    },
    sorts={
        "ID": S("n.id", "string"),
        "SIGNED_ON": _date("n.signedOn"),
        "ORDER": _number("n.order"),
    },
)

METHODOLOGIES = Listing(
    label="Methodology",
    key="id",
    page_query="methodologies_page",
    count_query="methodologies_count",
    filters={
        "ids": F("n.id", "in"),
        "partnerships": F(
            "partnershipIds", "any_in", derive="[(n)-[:APPROVED_UNDER]->(p:Partnership) | p.id]"
        ),
        "sectors": F("sectorIds", "any_in", derive="[(n)-[:IN_SECTOR]->(s:Sector) | s.id]"),
        "hasTitle": F("titled", "flag", derive="size([t IN [n.title] WHERE t IS NOT NULL])"),
        "approvedFrom": F("n.approvedOn", "gte", date=True),
        "approvedTo": F("n.approvedOn", "lte", date=True),
        "dataQuality": QUALITY,
    },
    sorts={
        "ID": S("n.id", "string"),
        "TITLE": _text("n.title"),
        "APPROVED_ON": _date("n.approvedOn"),
    },
)

ISSUANCES = Listing(
    label="Issuance",
    key="id",
    page_query="issuances_page",
    count_query="issuances_count",
    filters={
        "ids": F("n.id", "in"),
        "projects": F("projectRefs", "any_in", derive="[(n)-[:OF]->(p:Project) | p.ref]"),
        "hostCountries": F(
            "hostCountries", "any_in", derive="[(n)-[:OF]->(p:Project) | p.hostCountry]"
        ),
        "registries": F(
            "registries", "any_in", derive="[(s:Series)-[:ISSUED_UNDER]->(n) | s.registry]"
        ),
        "decidedFrom": F("n.decidedOn", "gte", date=True),
        "decidedTo": F("n.decidedOn", "lte", date=True),
        "asItmo": F("n.asItmo", "eq"),
        "dataQuality": QUALITY,
    },
    sorts={
        "KEY": S("n.id", "string"),
        "DECIDED_ON": _date("n.decidedOn"),
        "REPORTED_ON": _date("n.reportedOn"),
        "NOTIFIED_TOTAL": _number("n.notifiedTotal"),
    },
)

DECISIONS = Listing(
    label="Decision",
    key="id",
    page_query="decisions_page",
    count_query="decisions_count",
    filters={
        "ids": F("n.id", "in"),
        "types": F("n.type", "in"),
        "hostCountries": F("n.hostCountry", "in"),
        "concerns": F(
            "concernKeys",
            "any_in",
            derive="[(n)-[:CONCERNS]->(x) | coalesce(x.id, x.ref)]",
        ),
        "decidedFrom": F("n.decidedOn", "gte", date=True),
        "decidedTo": F("n.decidedOn", "lte", date=True),
        "dataQuality": QUALITY,
    },
    sorts={
        "KEY": S("n.id", "string"),
        "DECIDED_ON": _date("n.decidedOn"),
    },
)

ORGANIZATIONS = Listing(
    label="Organization",
    key="id",
    page_query="organizations_page",
    count_query="organizations_count",
    filters={
        "ids": F("n.id", "in"),
        "kinds": F("n.kind", "in"),
        "countries": F("n.country", "in"),
        "designatedIn": F(
            "tpePartnerships", "any_in", derive="[(n)-[:DESIGNATED_AS_TPE]->(p:Partnership) | p.id]"
        ),
        "dataQuality": QUALITY,
    },
    sorts={"ID": S("n.id", "string"), "NAME": _text("n.name"), "KIND": _text("n.kind")},
)

FUNDING_PROGRAMMES = Listing(
    label="FundingProgramme",
    key="id",
    page_query="funding_programmes_page",
    count_query="funding_programmes_count",
    filters={"ids": F("n.id", "in"), "kinds": F("n.kind", "in"), "dataQuality": QUALITY},
    sorts={"ID": S("n.id", "string"), "NAME": _text("n.name")},
)

TECHNOLOGIES = Listing(
    label="Technology",
    key="id",
    page_query="technologies_page",
    count_query="technologies_count",
    filters={
        "ids": F("n.id", "in"),
        "categories": F("n.category", "in"),
        "sectors": F("sectorIds", "any_in", derive="[(n)-[:IN_SECTOR]->(s:Sector) | s.id]"),
        "dataQuality": QUALITY,
    },
    sorts={"ID": S("n.id", "string"), "NAME": _text("n.name"), "CATEGORY": _text("n.category")},
)

SECTORS = Listing(
    label="Sector",
    key="id",
    page_query="sectors_page",
    count_query="sectors_count",
    filters={"ids": F("n.id", "in"), "dataQuality": QUALITY},
    sorts={"ID": S("n.id", "string"), "NUMBER": _number("n.number"), "NAME": _text("n.name")},
)

CREDIT_BLOCKS = Listing(
    label="CreditBlock",
    key="id",
    page_query="credit_blocks_page",
    count_query="credit_blocks_count",
    filters={
        "ids": F("n.id", "in"),
        "series": F("n.series", "in"),
        "registries": F("n.registry", "in"),
        "status": F("n.status", "in"),
        "vintageFrom": F("n.vintage", "gte"),
        "vintageTo": F("n.vintage", "lte"),
        "minQuantity": F("n.quantity", "gte"),
        "containsSerial": F("n", "contains_unit"),
        "overlaps": F("n", "overlaps"),
        "dataQuality": QUALITY,
    },
    sorts={
        "ID": S("n.id", "string"),
        "SERIES": _text("n.series"),
        "FIRST": _number("n.first"),
        "QUANTITY": _number("n.quantity"),
        "VINTAGE": _number("n.vintage"),
    },
)

ALL = [
    PROJECTS,
    COUNTRIES,
    PARTNERSHIPS,
    METHODOLOGIES,
    ORGANIZATIONS,
    FUNDING_PROGRAMMES,
    TECHNOLOGIES,
    SECTORS,
    CREDIT_BLOCKS,
]
