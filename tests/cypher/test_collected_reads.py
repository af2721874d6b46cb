"""Named queries composed into one statement, each as a list column (cypher/collected_reads.py):
the statement shown beside what it composes, and the shapes it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from cypher.collected_reads import compose
from cypher.compiled_reads import NotComposable, project_maps
from cypher.registry import QueryRegistry
from cypher.store import GraphStore

QUERIES = QueryRegistry("neo4j")


def test_a_sort_key_that_is_not_a_column_is_carried_as_one() -> None:
    # trace_unit_blocks: RETURN b {.*} AS block ORDER BY b.quantity DESC, b.first
    assert compose(QUERIES, {"lineage": "trace_unit_blocks"}) == (
        "CALL {\n"
        "MATCH (b:CreditBlock)\n"
        "WHERE b.series = $series AND b.first <= $unit AND b.last >= $unit\n"
        "WITH b {.*} AS block, b.quantity AS order0, b.first AS order1\n"
        "ORDER BY order0 DESC, order1\n"
        "RETURN collect({block: block}) AS lineage\n"
        "}\n"
        "RETURN lineage"
    )


def test_an_unread_column_is_null_and_its_expression_is_not_run() -> None:
    # trace_series_upstream: [(p)-[:UNDER]->(ps:Partnership) | ps {.*}][0] AS partnership
    read = compose(QUERIES, {"upstream": "trace_series_upstream"})
    unread = compose(QUERIES, {"upstream": "trace_series_upstream"}, (), frozenset({"partnership"}))
    expression = "[(p)-[:UNDER]->(ps:Partnership) | ps {.*}][0] AS partnership"
    assert expression in read
    assert unread == read.replace(expression, "null AS partnership")


def test_columns_come_back_in_the_order_given() -> None:
    text = compose(QUERIES, {"b": "trace_unit_blocks", "a": "trace_series_upstream"})
    assert text.endswith("RETURN b, a")
    assert text.index("AS b\n}") < text.index("AS a\n}")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("MATCH (n:Country)\nRETURN n.code", "needs an alias"),
        (
            "MATCH (n:Country) RETURN n.code AS code UNION MATCH (n:Sector)\nRETURN n.key AS code",
            "exactly one RETURN",
        ),
    ],
)
def test_a_query_of_another_shape_is_refused(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "odd.cypher").write_text(f"// A query composition refuses.\n{text}\n")
    with pytest.raises(NotComposable, match=problem):
        compose(QueryRegistry("neo4j", (tmp_path,)), {"x": "odd"})


def test_whole_maps_of_projected_labels_read_only_their_properties() -> None:
    text = (
        "MATCH (p:Project) OPTIONAL MATCH (p)-[:HOSTED_IN]->(c:Country)\n"
        "RETURN p {.*} AS project, c {.*} AS country,\n"
        "  [(p)-[f:FUNDED_BY]->(fp:FundingProgramme) | fp {.*, amount: f.amount}] AS funding,\n"
        "  x {.*} AS unbound"
    )
    projection = (("FundingProgramme", ("id",)), ("Project", ("ref", "title")))
    assert project_maps(text, projection) == (
        "MATCH (p:Project) OPTIONAL MATCH (p)-[:HOSTED_IN]->(c:Country)\n"
        "RETURN CASE WHEN p IS NULL THEN null ELSE p {.ref, .title} END AS project, "
        "c {.*} AS country,\n"
        "  [(p)-[f:FUNDED_BY]->(fp:FundingProgramme) | "
        "CASE WHEN fp IS NULL THEN null ELSE fp {.id, amount: f.amount} END] AS funding,\n"
        "  x {.*} AS unbound"
    )
    assert project_maps(text, ()) == text


async def test_a_projected_map_of_a_node_an_optional_match_left_null_is_null(
    store: GraphStore,
) -> None:
    # FalkorDB answers `n {.id}` of a null node with {id: null}; Neo4j with null.
    text = project_maps(
        "OPTIONAL MATCH (n:Verification {id: 'none'}) RETURN n {.*} AS verification",
        (("Verification", ("id",)),),
    )
    assert await store.read_text("projected_null", text) == [{"verification": None}]
