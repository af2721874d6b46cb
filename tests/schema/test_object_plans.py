"""Whole objects are answered by a plan made once per request and selection
(schema/object_plans.py): the same response as graphql-core's own execution, with no field
of a compiled page executed one at a time, and a plan that meets a value it cannot complete
handing the object to field-by-field execution, once."""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.object_plans import Planned, PlannedExecutor
from tests.conftest import data
from tests.schema.test_direct_fields import PAGE, answer_and_trips, executed_by

# Relations five levels down: the compiled read stops at four (schema/prefetch.py's
# MAX_DEPTH), so the innermost `projects` pages are not primed and their plan gives up.
TOO_DEEP = """{ country(code: "TH") { projects(first: 5) { nodes { ref hostCountry {
  projects(first: 3) { nodes { ref hostCountry { code
    projects(first: 2) { totalCount nodes { ref } } } } } } } } } }"""


ONE_PROJECT = '{ project(ref: "ID002") { ref title hostCountry { code name } } }'


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


async def counted(client: httpx.AsyncClient, query: str) -> tuple[dict, list[str], list[int]]:
    """The answer, the fields executed one at a time and the plans that gave up."""
    CountingExecutor.one_at_a_time, CountingExecutor.gave_up = [], []
    with executed_by(client, CountingExecutor):
        body, _ = await answer_and_trips(client, query, {}, "counted by plan")
    return data(body), CountingExecutor.one_at_a_time, CountingExecutor.gave_up


async def test_the_items_of_a_compiled_page_after_the_first_are_answered_by_plans(
    seeded_client: httpx.AsyncClient,
) -> None:
    answered, one_at_a_time, gave_up = await counted(seeded_client, PAGE)
    nodes = answered["projects"]["nodes"]
    assert len(nodes) == 50
    assert any(n["funding"] for n in nodes)
    # The connection and the first project, with its relations, field by field; then one
    # plan per selection answers the 49 others whole.
    assert one_at_a_time.count("ref") == 1
    assert one_at_a_time.count("hostCountry") == 1
    assert gave_up == []
    five, five_one_at_a_time, _ = await counted(seeded_client, PAGE.replace("50", "5"))
    assert len(five["projects"]["nodes"]) == 5
    assert len(one_at_a_time) <= len(five_one_at_a_time)


async def test_an_object_met_once_is_answered_field_by_field(
    seeded_client: httpx.AsyncClient,
) -> None:
    answered, one_at_a_time, gave_up = await counted(seeded_client, ONE_PROJECT)
    assert answered["project"]["hostCountry"]["code"]
    assert one_at_a_time == ["project", "ref", "title", "hostCountry", "code", "name"]
    assert gave_up == []


async def test_a_plan_that_meets_a_relation_to_load_gives_up_once(
    seeded_client: httpx.AsyncClient,
) -> None:
    answered, one_at_a_time, gave_up = await counted(seeded_client, TOO_DEEP)
    nodes = answered["country"]["projects"]["nodes"]
    assert nodes
    assert all(n["hostCountry"]["projects"]["nodes"] for n in nodes)
    # Plans over the unprimed pages gave up, each once; the objects after went field by field.
    assert gave_up
    assert len(gave_up) == len(set(gave_up))
    assert "projects" in one_at_a_time


async def test_a_plan_that_gave_up_answers_as_graphql_core_does(
    seeded_client: httpx.AsyncClient,
) -> None:
    planned, trips = await answer_and_trips(seeded_client, TOO_DEEP, {}, "planned")
    with executed_by(seeded_client, StrawberryGraphQLCoreExecutionContext):
        own, own_trips = await answer_and_trips(seeded_client, TOO_DEEP, {}, "graphql-core")
    assert planned == own
    assert trips == own_trips
