"""A query's root fields are answered without graphql-core's execution once their selections
have plans (schema/root_fields.py): the same response as graphql-core's own execution, errors
included, in the same round trips; what a plan cannot answer is completed by execution
without calling a resolver again; anything else is left to execution."""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import pytest
from graphql import parse
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

import schema.request_pipeline
from cypher.store import counting_round_trips
from schema.context import RequestContext
from schema.direct_fields import ResolvedRoot, ResolvedRoots
from schema.node import from_row
from schema.reference_types import Country
from schema.root import build_schema
from schema.root_fields import root_fields
from tests.schema.test_direct_fields import answer_and_trips, executed_by

COUNTRY = "query($code: String!) { country(code: $code) { code name asean } }"
ALIASED = """query Lookup($code: String!) { here: country(code: $code) { ...C __typename } }
fragment C on Country { code name partnerships { key } }"""
PROJECT = """query($ref: String!) { project(ref: $ref) { ref title status
  hostCountry { code name } technologies { key sectors { key } }
  funding { amount programme { key } } issuances { key series { key quantity } } } }"""
TRACE = """query($serial: String!) { traceCredit(serial: $serial) { status dataQuality
  block { key } issuance { key } project { ref hostCountry { code } } } }"""
SEARCH = '{ search(text: "solar", first: 5) { kind key title } }'
CADT_TERM = """query($value: String!) { cadtTerm(field: "projectType", value: $value) {
  field value } }"""
PAGE = "query($first: Int) { projects(first: $first) { totalCount nodes { ref title } } }"
FILTERED = """query($filter: ProjectFilter) { projects(filter: $filter, first: 5,
  orderBy: [{field: REGISTERED_ON, direction: DESC}, {field: REF}]) {
  totalCount nodes { ref status registeredOn hostCountry { code } } } }"""
ORDERED = """query($order: [ProjectOrder!], $first: Int) {
  projects(orderBy: $order, first: $first) { nodes { ref title } } }"""
STATS = "{ stats(groupBy: [COUNTRY, YEAR]) { country year projectCount creditsIssued } }"
SECTORS = """query($ref: String!, $s: Boolean!) { project(ref: $ref) {
  ref technologies { key sectors @include(if: $s) { key } } } }"""
NESTED_PAGE = """query($code: String!, $n: Int) { country(code: $code) {
  code projects(first: $n) { totalCount nodes { ref } } } }"""
TWO_FIELDS = """query($code: String!, $ref: String!) { country(code: $code) { code name }
  project(ref: $ref) { ref title hostCountry { code } technologies { key } } }"""
ALIASED_TWICE = """{ a: country(code: "JP") { code } b: country(code: "MN") { code name asean } }"""
LIST_AND_OBJECTS = """query($n: Int) { search(text: "solar", first: 3) { kind key }
  stats(groupBy: [COUNTRY]) { country projectCount } country(code: "ID") { code
  projects(first: $n) { totalCount nodes { ref } } } }"""
TWO_COUNTRIES = """query($a: String!, $b: String!) { x: country(code: $a) { code name }
  y: country(code: $b) { code name } }"""
DEFAULT_CODE = 'query($code: String = "JP") { country(code: $code) { code name asean } }'
DEFAULT_FILTER = """query($filter: ProjectFilter = {asean: true, status: [REGISTERED]}) {
  projects(filter: $filter, first: 5) { totalCount nodes { ref hostCountry { code } } } }"""
DEFAULT_ORDER = """query($order: [ProjectOrder!] = [{field: TITLE, direction: DESC}],
  $first: Int = 4) { projects(orderBy: $order, first: $first) { nodes { ref title } } }"""
DEFAULT_BELOW = """query($ref: String!, $s: Boolean = true, $n: Int = 2) { project(ref: $ref) {
  ref technologies { key sectors @include(if: $s) { key } } hostCountry {
  projects(first: $n) { nodes { ref } } } } }"""

_documents = itertools.count()


def fresh(query: str) -> str:
    """The query as a document no earlier request has sent (plans are kept per document)."""
    return f"{query}\n# root fields {next(_documents)}"


@pytest.fixture
def outcomes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the root-field step gave per request: `answered` (the response), `resolved`
    (the resolvers' results, for execution to complete) or `left` (execution does it all)."""
    seen: list[str] = []
    real = schema.request_pipeline.answered

    async def recorded(root: Any, context: Any) -> Any:
        outcome = await real(root, context)
        kind = type(outcome)
        seen.append("answered" if kind is dict else "resolved" if kind is ResolvedRoots else "left")
        return outcome

    monkeypatch.setattr(schema.request_pipeline, "answered", recorded)
    return seen


async def third_answer(client: httpx.AsyncClient, query: str, variables: dict) -> tuple[dict, int]:
    """The answer and round trips of a document sent a third time: the first two make its
    plans. A variable the query does not declare keeps the response cache out."""
    for again in range(2):
        await answer_and_trips(client, query, {**variables, "again": again}, "plans")
    return await answer_and_trips(client, query, {**variables, "again": 2}, "plans")


async def graphql_cores(client: httpx.AsyncClient, query: str, variables: dict) -> tuple[dict, int]:
    with executed_by(client, StrawberryGraphQLCoreExecutionContext):
        return await answer_and_trips(client, query, variables, "graphql-core")


async def assert_as_graphql_core_answers(
    client: httpx.AsyncClient, query: str, variables: dict, answered: dict, trips: int
) -> None:
    """`answered` (in `trips` round trips) is graphql-core's own answer, without errors."""
    own, own_trips = await graphql_cores(client, query, variables)
    assert answered == own
    assert "errors" not in answered
    assert trips == own_trips


CASES = [
    ("a country by a variable", COUNTRY, {"code": "th"}),
    ("an alias, a fragment and __typename", ALIASED, {"code": "MN"}),
    ("a project with its relations", PROJECT, {"ref": "ID002"}),
    ("a unit's trace", TRACE, {"serial": "JP-X-ID-02-2016-1-000003"}),
    ("a list of objects", SEARCH, {}),
    ("a page, its size by a variable", PAGE, {"first": 3}),
    (
        "an input by a variable, an enum's list by a literal",
        FILTERED,
        {"filter": {"status": ["REGISTERED"], "OR": [{"asean": True}, {"hostCountries": ["MN"]}]}},
    ),
    (
        "an input by a variable, given null",
        FILTERED,
        {"filter": None},
    ),
    (
        "a list of inputs by a variable, one item given as an object",
        ORDERED,
        {"order": {"field": "TITLE", "direction": "DESC"}, "first": 4},
    ),
    ("a list of enums by a literal", STATS, {}),
    ("a variable below the root, in a directive", SECTORS, {"ref": "ID002", "s": True}),
    ("a variable below the root, a page's size", NESTED_PAGE, {"code": "ID", "n": 2}),
    ("two root fields", TWO_FIELDS, {"code": "VN", "ref": "ID002"}),
    ("one root field twice, under aliases", ALIASED_TWICE, {}),
    ("lists and objects, a variable below one root", LIST_AND_OBJECTS, {"n": 2}),
    (
        "decisions about a project and about an organization",
        """query($ref: String!, $key: String!) { project(ref: $ref) { ref
          decisions { key type decidedOn } } organization(key: $key) { key
          decisions { key type decidedOn body } } }""",
        {"ref": "ID_PIN001", "key": "ampere-re"},
    ),
    ("a string variable left to its default", DEFAULT_CODE, {}),
    ("a string variable with a default, given", DEFAULT_CODE, {"code": "MN"}),
    ("an input variable left to its default", DEFAULT_FILTER, {}),
    ("an input variable with a default, given", DEFAULT_FILTER, {"filter": {"asean": False}}),
    ("an input variable with a default, given null", DEFAULT_FILTER, {"filter": None}),
    ("a list of inputs and an Int left to their defaults", DEFAULT_ORDER, {}),
    ("variables below the root left to their defaults", DEFAULT_BELOW, {"ref": "ID002"}),
    (
        "variables below the root with defaults, given",
        DEFAULT_BELOW,
        {"ref": "ID002", "s": False, "n": 1},
    ),
]


@pytest.mark.parametrize(("query", "variables"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_root_fields_with_plans_are_answered_as_graphql_core_answers_them(
    seeded_client: httpx.AsyncClient, outcomes: list[str], query: str, variables: dict
) -> None:
    answered, trips = await third_answer(seeded_client, fresh(query), variables)
    assert outcomes[-1] == "answered"
    await assert_as_graphql_core_answers(seeded_client, query, variables, answered, trips)


async def test_an_error_of_the_resolver_is_reported_as_graphql_core_reports_it(
    seeded_client: httpx.AsyncClient, outcomes: list[str]
) -> None:
    query = fresh(COUNTRY)
    await third_answer(seeded_client, query, {"code": "JP"})  # the plan is made
    missing, trips = await answer_and_trips(seeded_client, query, {"code": "ZZ"}, "plans")
    assert outcomes[-1] == "resolved"  # the resolver ran once, execution reported its error
    own, own_trips = await graphql_cores(seeded_client, COUNTRY, {"code": "ZZ"})
    assert missing == own
    assert missing["data"] == {"country": None}
    [error] = missing["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert error["path"] == ["country"]
    assert trips == own_trips == 1


async def test_an_error_of_one_root_field_is_reported_at_its_path_and_the_others_answered(
    seeded_client: httpx.AsyncClient, outcomes: list[str]
) -> None:
    query = fresh(TWO_COUNTRIES)
    await third_answer(seeded_client, query, {"a": "JP", "b": "MN"})  # the plans are made
    assert outcomes[-1] == "answered"
    variables = {"a": "JP", "b": "ZZ"}
    answer, trips = await answer_and_trips(seeded_client, query, variables, "plans")
    assert outcomes[-1] == "resolved"  # each resolver ran once, execution completed both
    own, own_trips = await graphql_cores(seeded_client, TWO_COUNTRIES, variables)
    assert answer == own
    assert answer["data"] == {"x": {"code": "JP", "name": "Japan"}, "y": None}
    [error] = answer["errors"]
    assert (error["path"], error["extensions"]["code"]) == (["y"], "NOT_FOUND")
    assert trips == own_trips


async def test_an_error_of_a_non_null_root_field_nulls_the_data_of_the_others_too(
    seeded_client: httpx.AsyncClient, outcomes: list[str]
) -> None:
    both = """query($value: String!) { country(code: "JP") { code }
      cadtTerm(field: "projectType", value: $value) { field value } }"""
    query = fresh(both)
    await third_answer(seeded_client, query, {"value": "Energy Efficiency Industry"})
    assert outcomes[-1] == "answered"
    missing, _ = await answer_and_trips(seeded_client, query, {"value": "no such"}, "plans")
    assert outcomes[-1] == "resolved"
    own, _ = await graphql_cores(seeded_client, both, {"value": "no such"})
    assert missing == own
    assert missing["data"] is None
    assert missing["errors"][0]["path"] == ["cadtTerm"]


# Variables that fit each query: its plan is made with them.
FITTING = {
    COUNTRY: {"code": "JP"},
    PAGE: {"first": 2},
    FILTERED: {"filter": {"asean": True}},
    ORDERED: {"order": [{"field": "REF"}], "first": 3},
    SECTORS: {"ref": "ID002", "s": False},
    NESTED_PAGE: {"code": "ID", "n": 3},
    DEFAULT_FILTER: {},
    DEFAULT_ORDER: {},
}
ORDER_REQUIRED = ORDERED.replace("[ProjectOrder!]", "[ProjectOrder!]!")
FITTING[ORDER_REQUIRED] = FITTING[ORDERED]


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (COUNTRY, {"code": 5}),
        (COUNTRY, {}),
        (PAGE, {"first": 2**40}),
        (PAGE, {"first": True}),
        (FILTERED, {"filter": {"status": ["NO_SUCH_STATUS"]}}),
        (FILTERED, {"filter": {"noSuchField": True}}),
        (FILTERED, {"filter": "REGISTERED"}),
        (ORDERED, {"order": [{"direction": "DESC"}]}),
        (ORDER_REQUIRED, {"order": None}),
        (SECTORS, {"ref": "ID002"}),
        (NESTED_PAGE, {"code": "ID", "n": "three"}),
        (DEFAULT_FILTER, {"filter": {"status": "NO_SUCH_STATUS"}}),
        (DEFAULT_ORDER, {"order": [{"field": "NO_SUCH_FIELD"}]}),
    ],
    ids=[
        "a number for a string",
        "a missing variable",
        "an Int out of range",
        "a boolean",
        "an enum value the schema lacks",
        "an input field the schema lacks",
        "a string for an input",
        "an input without its required field",
        "null for a non-null variable",
        "a missing variable below the root",
        "a string for an Int below the root",
        "an enum value the schema lacks, for a variable with a default",
        "an input field's enum the schema lacks, for a list with a default",
    ],
)
async def test_variables_that_do_not_fit_are_reported_by_execution(
    seeded_client: httpx.AsyncClient, outcomes: list[str], query: str, variables: dict
) -> None:
    document = fresh(query)
    await third_answer(seeded_client, document, FITTING[query])  # the plan is made
    refused, trips = await answer_and_trips(seeded_client, document, variables, "plans")
    assert outcomes[-1] == "left"
    own, _ = await graphql_cores(seeded_client, query, variables)
    assert refused == own
    assert refused["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert trips == 0


async def test_a_missing_input_variable_is_left_to_execution_which_leaves_the_argument_out(
    seeded_client: httpx.AsyncClient, outcomes: list[str]
) -> None:
    document = fresh(ORDERED)
    await third_answer(seeded_client, document, FITTING[ORDERED])
    answered, trips = await answer_and_trips(seeded_client, document, {"first": 2}, "plans")
    assert outcomes[-1] == "left"
    await assert_as_graphql_core_answers(seeded_client, ORDERED, {"first": 2}, answered, trips)


async def test_each_value_of_a_variable_below_the_root_is_answered_by_its_own_plan(
    seeded_client: httpx.AsyncClient, outcomes: list[str]
) -> None:
    document = fresh(SECTORS)
    with_sectors = {"ref": "ID002", "s": True}
    await third_answer(seeded_client, document, with_sectors)
    assert outcomes[-1] == "answered"
    without, _ = await answer_and_trips(
        seeded_client, document, {**with_sectors, "s": False}, "plans"
    )
    assert outcomes[-1] == "left"  # no plan yet for this value: execution answers it
    again, _ = await third_answer(seeded_client, document, {**with_sectors, "s": False})
    assert outcomes[-1] == "answered"
    own, _ = await graphql_cores(seeded_client, SECTORS, {**with_sectors, "s": False})
    assert without == again == own
    assert all("sectors" not in t for t in own["data"]["project"]["technologies"])
    assert own["data"]["project"]["technologies"]


async def test_an_error_of_a_non_null_root_field_nulls_the_data(
    seeded_client: httpx.AsyncClient, outcomes: list[str]
) -> None:
    query = fresh(CADT_TERM)
    await third_answer(seeded_client, query, {"value": "Energy Efficiency Industry"})
    missing, _ = await answer_and_trips(seeded_client, query, {"value": "no such"}, "plans")
    assert outcomes[-1] == "resolved"
    own, _ = await graphql_cores(seeded_client, CADT_TERM, {"value": "no such"})
    assert missing == own
    assert missing["data"] is None
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_execution_completes_what_the_resolver_gave_without_calling_it_again(
    seeded_client: httpx.AsyncClient,
) -> None:
    # A country the store does not hold: the resolver, were it called, would find none.
    given = from_row(Country, {"code": "ZZ", "name": "Nowhere", "asean": False})
    app = seeded_client.app  # type: ignore[attr-defined]
    context = RequestContext(store=app.state.store, request_id="test")
    with counting_round_trips() as trips:
        result = await app.state.schema.execute(
            fresh('{ country(code: "ZZ") { code name asean } }'),
            context_value=context,
            root_value=ResolvedRoots(country=ResolvedRoot(given)),
        )
    assert result.errors is None
    assert result.data == {"country": {"code": "ZZ", "name": "Nowhere", "asean": False}}
    assert trips == [0]


_SCHEMA = build_schema()


def qualifies(query: str, operation_name: str | None = None) -> bool:
    return root_fields(_SCHEMA, parse(query), operation_name) is not None


def test_a_lookup_by_a_variable_or_a_literal_qualifies() -> None:
    assert qualifies(COUNTRY)
    assert qualifies('{ country(code: "JP") { code } }')
    assert qualifies(ALIASED, "Lookup")
    assert qualifies(SEARCH)  # a list of objects, an Int literal and a defaulted argument
    assert qualifies("{ projects(orderBy: [{field: REF}]) { totalCount } }")  # an input
    assert qualifies("{ stats(groupBy: [COUNTRY]) { country } }")  # a list of enums
    assert qualifies(FILTERED)
    assert qualifies(TWO_FIELDS)  # several root fields
    assert qualifies(ALIASED_TWICE)
    assert qualifies(DEFAULT_CODE)  # a variable's default
    assert qualifies(DEFAULT_FILTER)  # an input variable's default
    assert qualifies(DEFAULT_BELOW)  # variables' defaults below the root


@pytest.mark.parametrize(
    ("query", "operation_name"),
    [
        ('{ country(code: "JP") { code } node(id: "Q291bnRyeTpKUA==") { id } }', None),
        ('{ country(code: "JP") { code } country(code: "JP") { name } }', None),
        ('{ __typename country(code: "JP") { code } }', None),
        ("mutation { __typename }", None),
        ('{ country(code: "JP") @include(if: true) { code } }', None),
        (
            "query($ref: String!, $n: Int = null) { project(ref: $ref) "
            "{ hostCountry { projects(first: $n) { totalCount } } } }",
            None,
        ),
        ("query($id: ID!) { node(id: $id) { id } }", None),
        ("query($code: String = null) { country(code: $code) { code } }", None),
        (
            "query($c: String!) { projects(filter: {hostCountries: [$c]}) { totalCount } }",
            None,
        ),
        ("query($f: ProjectFilter = null) { projects(filter: $f) { totalCount } }", None),
        ("query A { graphInfo { store } } query B { graphInfo { store } }", None),
        ("query A { graphInfo { store } }", "B"),
    ],
    ids=[
        "a root field of an abstract type beside one that qualifies",
        "one response name twice",
        "__typename at the root",
        "a mutation",
        "a directive on the root field",
        "a variable's default of null below the root",
        "an abstract type",
        "a variable's default of null",
        "a variable inside an input's literal",
        "an input variable's default of null",
        "no operation named",
        "another operation's name",
    ],
)
def test_other_operations_are_left_to_execution(query: str, operation_name: str | None) -> None:
    assert not qualifies(query, operation_name)
