"""Whole objects are answered by a plan made for their selection (schema/object_plans.py):
the same response as graphql-core's own execution; made the second time a selection is met,
in the same request or a later one with the same document and nested variables; and a plan
that meets a value it cannot complete hands the object to field-by-field execution, once."""

from __future__ import annotations

import itertools
from typing import Any, ClassVar

import httpx
import pytest
from graphql import (
    GraphQLList,
    GraphQLObjectType,
    get_named_type,
    get_nullable_type,
    parse,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from cypher.migrations import NODE_KEYS
from schema.context import RequestContext
from schema.direct_fields import accepted_class
from schema.document_cache import nested_variables
from schema.node import PrimedOnly, first_node_of, from_row, nodes_of, rows_of
from schema.object_plans import Planned, PlannedExecutor
from schema.plan_functions import PlanStep, _plan_code, compiled_plan, plan_text
from schema.prefetch import RELATIONS
from schema.root import build_schema
from tests.conftest import data
from tests.schema.test_direct_fields import PAGE, answer_and_trips, executed_by

# Relations five levels down: the compiled read stops at four (schema/prefetch.py's
# MAX_DEPTH), so the innermost `projects` pages are not primed and their plan gives up.
TOO_DEEP = """{ country(code: "TH") { projects(first: 5) { nodes { ref hostCountry {
  projects(first: 3) { nodes { ref hostCountry { code
    projects(first: 2) { totalCount nodes { ref } } } } } } } } } }"""
ONE_PROJECT = """query($ref: String!, $sectors: Boolean! = true) { project(ref: $ref) {
  ref title hostCountry { code name }
  technologies { key sectors @include(if: $sectors) { key } } } }"""

_documents = itertools.count()


def fresh(query: str) -> str:
    """The query as a document no earlier request has sent (plans are kept per document)."""
    return f"{query}\n# plans {next(_documents)}"


class CountingExecutor(PlannedExecutor):
    """Counts the fields executed one at a time, and the plans that gave up."""

    one_at_a_time: ClassVar[list[str]] = []
    gave_up: ClassVar[list[int]] = []

    def execute_field(self, parent_type: Any, source: Any, fields: Any, *args: Any) -> Any:
        CountingExecutor.one_at_a_time.append(fields[0].node.name.value)
        return super().execute_field(parent_type, source, fields, *args)

    def give_up(self, planned: Planned) -> None:
        CountingExecutor.gave_up.append(id(planned))
        super().give_up(planned)


async def counted(
    client: httpx.AsyncClient, query: str, variables: dict | None = None
) -> tuple[dict, list[str], list[int]]:
    """The answer, the fields executed one at a time and the plans that gave up."""
    CountingExecutor.one_at_a_time, CountingExecutor.gave_up = [], []
    with executed_by(client, CountingExecutor):
        response = await client.post("/graphql", json={"query": query, "variables": variables})
    return data(response.json()), CountingExecutor.one_at_a_time, CountingExecutor.gave_up


async def graphql_cores(client: httpx.AsyncClient, query: str, variables: dict) -> Any:
    with executed_by(client, StrawberryGraphQLCoreExecutionContext):
        body, _ = await answer_and_trips(client, query, variables, "graphql-core")
    return data(body)


async def test_the_items_of_a_compiled_page_after_the_first_are_answered_by_plans(
    seeded_client: httpx.AsyncClient,
) -> None:
    answered, one_at_a_time, gave_up = await counted(seeded_client, fresh(PAGE))
    nodes = answered["projects"]["nodes"]
    assert len(nodes) == 50
    assert any(n["funding"] for n in nodes)
    # The connection and the first project, with its relations, field by field; then one
    # plan per selection answers the 49 others whole.
    assert one_at_a_time.count("ref") == 1
    assert one_at_a_time.count("hostCountry") == 1
    assert gave_up == []
    five, five_one_at_a_time, _ = await counted(seeded_client, fresh(PAGE.replace("50", "5")))
    assert len(five["projects"]["nodes"]) == 5
    assert len(one_at_a_time) <= len(five_one_at_a_time)


async def test_an_object_met_once_is_answered_field_by_field(
    seeded_client: httpx.AsyncClient,
) -> None:
    answered, one_at_a_time, gave_up = await counted(
        seeded_client, fresh(ONE_PROJECT), {"ref": "ID002"}
    )
    assert answered["project"]["hostCountry"]["code"]
    assert one_at_a_time[:6] == ["project", "ref", "title", "hostCountry", "code", "name"]
    assert gave_up == []


async def test_a_query_sent_again_for_another_object_is_answered_by_its_plans(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = fresh(ONE_PROJECT)
    await counted(seeded_client, query, {"ref": "ID002"})
    answered, one_at_a_time, _ = await counted(seeded_client, query, {"ref": "BD002"})
    # The root field's own arguments do not change the plans: the project is answered whole.
    assert one_at_a_time == ["project"]
    assert answered == await graphql_cores(seeded_client, ONE_PROJECT, {"ref": "BD002"})


async def test_other_nested_variables_make_other_plans(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = fresh(ONE_PROJECT)
    await counted(seeded_client, query, {"ref": "ID002", "sectors": True})
    variables = {"ref": "ID002", "sectors": False}
    answered, one_at_a_time, _ = await counted(seeded_client, query, variables)
    # `$sectors` is used below the root field: this selection has not been met before.
    assert "ref" in one_at_a_time
    assert all("sectors" not in t for t in answered["project"]["technologies"])
    assert answered == await graphql_cores(seeded_client, ONE_PROJECT, variables)


def test_the_variables_plans_depend_on_are_those_below_the_root_fields() -> None:
    document = parse(
        """query($ref: String!, $first: Int, $on: Boolean!, $off: Boolean!, $x: Int) {
        project(ref: $ref) @include(if: $off) { ref ...F
          technologies { projects(first: $first) { totalCount } } }
        country(code: $ref) { code } }
        fragment F on Project { title @skip(if: $on) }"""
    )
    operation = document.definitions[0]
    assert nested_variables(operation, document.definitions[1:]) == {"first", "on", "off"}


async def test_a_plan_that_meets_a_relation_to_load_gives_up_once(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = fresh(TOO_DEEP)
    answered, one_at_a_time, gave_up = await counted(seeded_client, query)
    nodes = answered["country"]["projects"]["nodes"]
    assert nodes
    assert all(n["hostCountry"]["projects"]["nodes"] for n in nodes)
    # Plans over the unprimed pages gave up, each once; the objects after went field by field.
    assert gave_up
    assert len(gave_up) == len(set(gave_up))
    assert "projects" in one_at_a_time
    # Sent again (a variable it does not declare keeps the response cache out), its plans
    # are made at once and give up again, each once in that request.
    again, _, gave_up_again = await counted(seeded_client, query, {"again": 1})
    assert again == answered
    assert gave_up_again
    assert len(gave_up_again) == len(set(gave_up_again))


async def test_a_plan_that_gave_up_answers_as_graphql_core_does(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = fresh(TOO_DEEP)
    # The second time with plans made from the first object on; a variable the query does not
    # declare keeps the response cache out.
    for again in range(2):
        planned, trips = await answer_and_trips(seeded_client, query, {"again": again}, "plan")
        with executed_by(seeded_client, StrawberryGraphQLCoreExecutionContext):
            own, own_trips = await answer_and_trips(
                seeded_client, TOO_DEEP, {"again": again}, "graphql-core"
            )
        assert planned == own
        assert trips == own_trips


def test_a_plan_is_one_function_that_reads_attributes_in_place() -> None:
    def answer_country(source: Any, context: Any) -> Any:
        return {"code": "TH"}

    def complete(value: Any, context: Any) -> Any:
        return value

    steps = [
        ("ref", PlanStep(complete, "ref", str)),
        ("registeredOn", PlanStep(complete, "registered_on")),
        ("hostCountry", PlanStep(answer_country)),
        ("class", PlanStep(complete, "title", str)),  # an alias a Python keyword: a literal only
    ]
    assert plan_text(steps) == (
        "def plan(source, context):\n"
        "    return {\n"
        "        'ref': v if (v := source.ref).__class__ is t0 else a0(v, context),\n"
        "        'registeredOn': a1(source.registered_on, context),\n"
        "        'hostCountry': a2(source, context),\n"
        "        'class': v if (v := source.title).__class__ is t3 else a3(v, context),\n"
        "    }\n"
    )


def test_a_plan_returns_a_value_of_its_fields_type_as_it_is_and_completes_the_others() -> None:
    completed: list[Any] = []

    def complete(value: Any, context: Any) -> Any:
        completed.append(value)
        return None if value is None else str(value)

    class Item:
        ref: Any = "JP001"

    plan = compiled_plan([("ref", PlanStep(complete, "ref", str))])
    assert plan(Item(), None) == {"ref": "JP001"}
    assert completed == []
    Item.ref = 7
    assert plan(Item(), None) == {"ref": "7"}
    Item.ref = None
    assert plan(Item(), None) == {"ref": None}
    assert completed == [7, None]


def test_a_plan_refuses_attribute_names_that_are_not_identifiers() -> None:
    with pytest.raises(ValueError, match="not an identifier"):
        plan_text([("ref", PlanStep(lambda v, c: v, "ref)) or (__import__('os'", str))])
    with pytest.raises(ValueError, match="not an identifier"):
        plan_text([("ref", PlanStep(lambda v, c: v, "class", str))])


async def test_aliases_that_are_python_keywords_are_answered_by_plans(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = fresh("""{ projects(first: 5) { nodes { class: ref def: title
      return: hostCountry { import: code } } } }""")
    answered, one_at_a_time, gave_up = await counted(seeded_client, query)
    own = await graphql_cores(seeded_client, query, {})
    assert answered == own
    assert [set(n) for n in answered["projects"]["nodes"]] == [{"class", "def", "return"}] * 5
    assert one_at_a_time.count("ref") == 1  # the first item; plans answer the four others
    assert gave_up == []


def test_plans_of_one_shape_share_one_compiled_text_and_keep_their_own_answers() -> None:
    def tagged(tag: str) -> Any:
        return lambda value, context: f"{tag}:{value}"

    class Item:
        code = 81

    misses = _plan_code.cache_info().misses
    shape = "code_cd2b7e"  # a response name no other test uses
    first = compiled_plan([(shape, PlanStep(tagged("first"), "code"))])
    second = compiled_plan([(shape, PlanStep(tagged("second"), "code"))])
    assert _plan_code.cache_info().misses == misses + 1
    assert first(Item(), None) == {shape: "first:81"}
    assert second(Item(), None) == {shape: "second:81"}


def _marked_relations() -> list[tuple[GraphQLObjectType, str, Any]]:
    """(type, field, resolver) of every resolver marked node_relation in the schema."""
    found = []
    for gql_type in build_schema()._schema.type_map.values():
        if not isinstance(gql_type, GraphQLObjectType):
            continue
        for name, field in gql_type.fields.items():
            resolver = getattr(field.extensions.get("strawberry-definition"), "base_resolver", None)
            if resolver is not None and getattr(resolver.wrapped_func, "node_relation", False):
                found.append((gql_type, name, resolver.wrapped_func))
    return found


async def test_a_resolver_marked_node_relation_answers_what_plans_read_in_its_place() -> None:
    # Plans answer these fields from the loader of the field's relation query, by the
    # object's graph key, without calling the resolver: each must answer exactly that.
    marked = _marked_relations()
    assert {(t.name, n) for t, n, _ in marked} >= {
        ("Project", "hostCountry"),
        ("Project", "technologies"),
        ("Country", "partnerships"),
        ("Technology", "sectors"),
        ("Organization", "country"),
        ("Project", "funding"),
        ("Project", "participants"),
        ("Project", "methodologies"),
        ("Project", "sources"),
        ("Country", "sources"),
        ("Project", "decisions"),
        ("Organization", "decisions"),
        ("Issuance", "series"),
    }
    for gql_type, name, resolver in marked:
        query = RELATIONS[gql_type.name][name]
        source = from_row(accepted_class(gql_type), {NODE_KEYS[gql_type.name]: "K1"})
        target = get_named_type(gql_type.fields[name].type)
        build_row = getattr(resolver, "row_builder", None)
        if build_row is None:
            rows = [{"node": {NODE_KEYS[target.name]: f"N{i}"}} for i in (1, 2)]
            many = isinstance(get_nullable_type(gql_type.fields[name].type), GraphQLList)
            build = (nodes_of if many else first_node_of)(accepted_class(target))
        else:  # the relation's own properties and its node's
            rows = [
                {"rel": {"role": "R", "version": "01.0"}, "node": {"id": f"N{i}"}} for i in (1, 2)
            ]
            build = rows_of(build_row)
        context = RequestContext(store=None, request_id="test")  # type: ignore[arg-type]
        context.loaders.related(query).prime_many({"K1": rows})
        assert resolver(source, info=PrimedOnly(context)) == build(rows), (gql_type, name)
