"""What the statement of `traceCredit` reads for a selection: each GraphQL query beside the
parts of the Cypher it compiles to. A column only some fields need (the project's partnership,
methodologies, participants and funding; the sources of each step) is read when one of them is
selected, and is otherwise returned as null without its traversal."""

from __future__ import annotations

import httpx
import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse

from cypher.collected_reads import compose
from cypher.credit_trace import OPTIONAL_COLUMNS, TRACE_READS, trace_credit
from cypher.registry import QueryRegistry
from schema.provenance import COLUMN_NEEDED_BY, unread_by
from tests.conftest import data, gql

QUERIES = QueryRegistry("neo4j")
# The traversal each optional column makes, as its named query writes it.
TRAVERSALS = {
    "partnership": "(p)-[:UNDER]->(ps:Partnership)",
    "methodologies": "(p)-[:APPLIES]->(m:Methodology)",
    "participants": "(p)<-[r:PARTICIPATES_IN]-(o:Organization)",
    "funding": "(p)-[f:FUNDED_BY]->(fp:FundingProgramme)",
    "sources": "(t)-[:SOURCED_FROM]->(s:Source)",
}


def statement(graphql: str) -> str:
    """The statement of the `traceCredit` field of `graphql` (the projection left out)."""
    document = parse(graphql)
    [operation] = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    [field] = operation.selection_set.selections
    return compose(QUERIES, TRACE_READS, (), unread_by([field], fragments))


def read_columns(text: str) -> set[str]:
    """The optional columns the statement reads: their traversal is there, not a null."""
    read = {column for column, pattern in TRAVERSALS.items() if pattern in text}
    assert not {column for column in read if f"null AS {column}" in text}
    assert {c for c in TRAVERSALS if c not in read} == {
        c for c in TRAVERSALS if f"null AS {c}" in text
    }
    return read


def test_a_trace_that_selects_none_of_them_reads_no_optional_column() -> None:
    text = statement('{ traceCredit(serial: "S") { status holder { key } history { kind } } }')
    assert read_columns(text) == set()


def test_gaps_read_what_they_check_and_no_more() -> None:
    text = statement('{ traceCredit(serial: "S") { gaps } }')
    assert read_columns(text) == {"methodologies", "participants", "funding"}


def test_each_field_reads_its_own_column() -> None:
    assert read_columns(statement('{ traceCredit(serial: "S") { partnership { key } } }')) == {
        "partnership"
    }
    assert read_columns(statement('{ traceCredit(serial: "S") { methodologies { key } } }')) == {
        "methodologies"
    }
    assert read_columns(
        statement('{ traceCredit(serial: "S") { history { sources { url } } } }')
    ) == {"sources"}


def test_fields_selected_through_fragments_are_read() -> None:
    text = statement(
        """{ traceCredit(serial: "S") { ...Trace } }
        fragment Trace on CreditTrace { partnership { key } history { ...Step } }
        fragment Step on TraceStep { sources { url } }"""
    )
    assert read_columns(text) == {"partnership", "sources"}


async def test_step_sources_asked_alone_answer_as_asked_with_everything(
    seeded_client: httpx.AsyncClient,
) -> None:
    serial = "JP-X-MN-01-2016-1-000050"
    query = """query($serial: String!) { traceCredit(serial: $serial) {
      history { seq sources { url } } %s } }"""
    alone = data(await gql(seeded_client, query % "", serial=serial))["traceCredit"]
    full = data(await gql(seeded_client, query % "partnership { key } gaps", serial=serial))
    assert alone["history"] == full["traceCredit"]["history"]
    assert all(step["sources"] for step in alone["history"])
    bare = data(await gql(seeded_client, query.replace("sources { url }", "") % "", serial=serial))
    assert [step["seq"] for step in bare["traceCredit"]["history"]] == [
        step["seq"] for step in alone["history"]
    ]


def test_every_optional_column_says_which_fields_need_it() -> None:
    assert set(COLUMN_NEEDED_BY) == OPTIONAL_COLUMNS == set(TRAVERSALS)


async def test_a_trace_read_without_what_its_checks_look_at_has_no_gaps(
    seeded_client: httpx.AsyncClient,
) -> None:
    store = seeded_client.app.state.store  # type: ignore[attr-defined]
    serial = "JP-X-MN-01-2016-1-000050"
    assert (await trace_credit(store, serial)).gaps
    assert (await trace_credit(store, serial, unread=frozenset({"funding"}))).gaps is None
    with pytest.raises(ValueError, match="'hostCountry'"):
        await trace_credit(store, serial, unread=frozenset({"hostCountry"}))
