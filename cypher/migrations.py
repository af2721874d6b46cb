"""Idempotent schema migrations: a unique key on every node label, plus lookup indexes.

The tables below are the single source of truth; each adapter turns them into its own DDL
(`statements_for`). Neo4j gets `CREATE CONSTRAINT … IF NOT EXISTS`; FalkorDB gets an index
and then a unique constraint (FalkorDB requires the index first).
"""

from __future__ import annotations

# Every node label and its unique, human-readable key (DESIGN §4).
NODE_KEYS: dict[str, str] = {
    "Country": "code",
    "Partnership": "id",
    "Project": "ref",
    "Sector": "id",
    "Technology": "id",
    "Methodology": "id",
    "Organization": "id",
    "FundingProgramme": "id",
    "MonitoringPeriod": "id",
    "Validation": "id",
    "Verification": "id",
    "Issuance": "id",
    "Decision": "id",
    "Series": "id",
    "Account": "id",
    "CreditBlock": "id",
    "Transaction": "id",
    "Authorization": "id",
    "CorrespondingAdjustment": "id",
    "ExternalRegistry": "id",
    "ExternalRecord": "id",
    "ExternalTerm": "id",
    "Source": "id",
    "Statistic": "id",
    "Event": "seq",
    "IdempotencyKey": "key",
    "GraphVersion": "id",
}

# Non-unique properties that filters and joins look up.
LOOKUP_INDEXES: list[tuple[str, str]] = [
    ("Project", "status"),
    ("Project", "registeredOn"),
    ("Project", "dataQuality"),
    ("CreditBlock", "series"),
    ("CreditBlock", "status"),
    ("Transaction", "series"),
    ("Transaction", "on"),
    ("Transaction", "firstTransfer"),
    ("Transaction", "kind"),
    ("Organization", "name"),
    ("ExternalRecord", "externalId"),
]

# Indexes over several properties, for Neo4j to seek and sort by (label, properties): an
# account's blocks in id order (cypher/queries/account_blocks.neo4j.cypher) and its HELD
# blocks oldest units first (blocks_to_move_by_quantity.neo4j.cypher). FalkorDB reads no index
# in order, so it indexes only each one's leading property, the one its queries look up by.
COMPOSITE_INDEXES: list[tuple[str, tuple[str, ...]]] = [
    ("CreditBlock", ("holder", "id")),
    ("CreditBlock", ("holder", "status", "series", "first")),
]

# (label, property) -> the named query that sets the property on nodes written before it was
# kept. migrate() runs it, in batches, once: when it creates the index that starts with that
# property (a graph that lacks the index predates the property).
BACKFILLS: dict[tuple[str, str], str] = {
    ("CreditBlock", "holder"): "backfill_block_holders",
}

# Full-text indexes behind `search` (label, property).
FULLTEXT: list[tuple[str, str]] = [
    ("Project", "title"),
    ("Organization", "name"),
    ("Methodology", "title"),
]


def index_name(label: str, props: tuple[str, ...]) -> str:
    return "_".join((label.lower(), *props))


def fulltext_index_name(label: str, prop: str) -> str:
    return f"{label.lower()}_{prop}_fulltext"


def neo4j_statements() -> list[tuple[str, str]]:
    """(name, statement) for every constraint and index Neo4j needs, by the name it will carry."""
    statements = [
        (
            f"{label.lower()}_{key}_key",
            f"CREATE CONSTRAINT {label.lower()}_{key}_key IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE",
        )
        for label, key in NODE_KEYS.items()
    ]
    statements += [
        (
            f"{label.lower()}_{prop}",
            f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})",
        )
        for label, prop in LOOKUP_INDEXES
    ]
    statements += [
        (
            index_name(label, props),
            f"CREATE INDEX {index_name(label, props)} IF NOT EXISTS FOR (n:{label}) "
            f"ON ({', '.join(f'n.{prop}' for prop in props)})",
        )
        for label, props in COMPOSITE_INDEXES
    ]
    statements += [
        (
            fulltext_index_name(label, prop),
            f"CREATE FULLTEXT INDEX {fulltext_index_name(label, prop)} IF NOT EXISTS "
            f"FOR (n:{label}) ON EACH [n.{prop}]",
        )
        for label, prop in FULLTEXT
    ]
    return statements


def neo4j_backfills() -> dict[str, str]:
    """Neo4j index name -> the backfill to run when migrate() creates that index."""
    return {
        index_name(label, props): BACKFILLS[(label, props[0])]
        for label, props in COMPOSITE_INDEXES
        if (label, props[0]) in BACKFILLS
    }


def falkordb_index_statements() -> list[tuple[str, str, str]]:
    """(label, property, statement) for every index FalkorDB needs, keys first."""
    pairs = list(NODE_KEYS.items()) + LOOKUP_INDEXES
    pairs += [(label, props[0]) for label, props in COMPOSITE_INDEXES]
    pairs = list(dict.fromkeys(pairs))
    return [(label, prop, f"CREATE INDEX FOR (n:{label}) ON (n.{prop})") for label, prop in pairs]
