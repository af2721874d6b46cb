"""The `stats` statement reads only the parts a request needs: the multi-valued dimensions it
groups by and the credit figures it asks for."""

from __future__ import annotations

from cypher.project_stats import without_parts
from cypher.registry import QueryRegistry

STATS = QueryRegistry("neo4j").get("project_stats").text


def test_a_part_not_needed_is_replaced_by_its_else_line() -> None:
    # GraphQL: { stats(groupBy: [COUNTRY, YEAR]) { country year projectCount creditsIssued } }
    text = without_parts(STATS, frozenset({"credits"}))
    assert "CALL {" not in text
    assert "OPTIONAL MATCH (n)<-[named:OF]-(iss:Issuance)" not in text
    assert "WITH n, sum(coalesce(ser.quantity, 0)) AS issued, 0 AS retired, 0 AS cancelled\n" in (
        text
    )
    assert "UNWIND [[]] AS sectors\nUNWIND [[]] AS technologies\nUNWIND [[]] AS programmes\n" in (
        text
    )
    assert "// credits:" not in text
    assert "// retirements:" not in text


def test_a_part_left_out_takes_the_parts_inside_it_along() -> None:
    # GraphQL: { stats(groupBy: [SECTOR]) { sector projectCount } }
    text = without_parts(STATS, frozenset({"sectors"}))
    assert "WITH n, 0 AS issued, 0 AS retired, 0 AS cancelled\n" in text
    assert "ser" not in text.split("RETURN")[0]
    assert text.count("CALL {") == 1
    assert "(sec:Sector)" in text


def test_every_part_kept_is_the_statement_without_its_markers() -> None:
    parts = {"credits", "retirements", "notified", "sectors", "technologies", "programmes"}
    text = without_parts(STATS, frozenset(parts))
    assert "begin (else" not in text
    assert ": end" not in text
    assert text.count("CALL {") == 3
    assert "sum(coalesce(ser.retired, 0)) AS retired" in text
