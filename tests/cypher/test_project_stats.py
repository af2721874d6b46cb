"""The `stats` statement reads only what a request needs: the grouping keys it groups by and
the figures it asks for; the rest is neither computed nor carried."""

from __future__ import annotations

from cypher.project_stats import ABSENT, without_parts
from cypher.registry import QueryRegistry

STATS = QueryRegistry("neo4j").get("project_stats").text
UNWOUND = "// The lists are unwound after every subquery has run, so each runs once per project.\n"


def compiled(*parts: str) -> str:
    """The statement after its filter, for the parts given."""
    body = without_parts(STATS, frozenset(parts)).split("WHERE true /*filter*/\n", 1)[1]
    return body.replace(UNWOUND, "")


def test_a_country_and_year_count_with_credits_issued_is_one_pass_and_two_keys() -> None:
    # GraphQL: { stats(groupBy: [COUNTRY, YEAR]) { country year projectCount creditsIssued } }
    assert compiled("country", "year", "issued", "credits") == (
        "OPTIONAL MATCH (n)<-[o:OF]-(:Issuance)<-[:ISSUED_UNDER]-(ser:Series)\n"
        "WITH n, CASE WHEN o.shared IS NULL AND ser.dataQuality IN $creditQualities "
        "THEN ser END AS ser\n"
        "WITH n, sum(coalesce(ser.quantity, 0)) AS issued\n"
        "RETURN\n"
        "  n.hostCountry AS country,\n"
        "  coalesce(n.registeredOn, n.selectedOn, n.pinNoObjectionOn).year AS year,\n"
        "  count(n) AS projects,\n"
        "  toInteger(sum(issued)) AS issued\n"
        "ORDER BY country, year\n"
    )


def test_a_sector_count_collects_only_the_sectors() -> None:
    # GraphQL: { stats(groupBy: [SECTOR]) { sector projectCount } }
    assert compiled("sectors") == (
        "CALL {\n"
        "  WITH n\n"
        "  MATCH (n)-[:USES]->(:Technology)-[:IN_SECTOR]->(sec:Sector)\n"
        "  RETURN collect(DISTINCT sec.id) AS sectors\n"
        "}\n"
        "UNWIND CASE WHEN size(sectors) = 0 THEN [null] ELSE sectors END AS sector\n"
        "RETURN\n"
        "  sector,\n"
        "  count(n) AS projects\n"
        "ORDER BY sector\n"
    )


def test_notified_credits_alone_carry_no_other_figure() -> None:
    # GraphQL: { stats { creditsNotified } }
    assert compiled("notified") == (
        "OPTIONAL MATCH (n)<-[named:OF]-(iss:Issuance)\n"
        "WITH n,\n"
        "     sum(CASE WHEN named.shared IS NULL AND iss.dataQuality IN $creditQualities\n"
        "              THEN coalesce(iss.notifiedTotal, 0) ELSE 0 END) AS notified\n"
        "RETURN\n"
        "  count(n) AS projects,\n"
        "  toInteger(sum(notified)) AS notified\n"
    )


def test_held_credits_carry_the_sums_they_are_made_of_past_the_notified_totals() -> None:
    # GraphQL: { stats { creditsHeld creditsNotified } }
    text = compiled("held", "credits", "retirements", "notified")
    assert "WITH n, issued, retired, cancelled,\n     sum(CASE WHEN named.shared" in text
    assert text.endswith(
        "RETURN\n"
        "  count(n) AS projects,\n"
        "  toInteger(sum(issued - retired - cancelled)) AS held,\n"
        "  toInteger(sum(notified)) AS notified\n"
    )


def test_every_part_kept_is_the_whole_statement_without_its_markers() -> None:
    everything = frozenset(
        {"credits", "retirements", "notified", "sectors", "technologies", "programmes"}
        | {"country", "year", "status", *ABSENT}
    )
    text = without_parts(STATS, everything)
    for marker in ("begin", ": end", "// if:", "// key:", "/*carried*/"):
        assert marker not in text
    assert text.count("CALL {") == 3
    assert "ORDER BY country, sector, technology, programme, year, status\n" in text
    assert "toInteger(sum(notified)) AS notified\nORDER BY" in text
