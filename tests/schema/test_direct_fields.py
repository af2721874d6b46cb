"""Plain fields and primed relations are answered directly (schema/direct_fields.py): the
same response as graphql-core's own execution, field for field, errors included, with
graphql-core's path kept for everything else."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

import httpx
import pytest
from graphql import GraphQLInt, GraphQLList, GraphQLNonNull
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.direct_fields import DirectExecutor, _completer, _Fallback
from schema.object_plans import PlannedExecutor
from schema.pagination import key_cursor
from schema.prefetch import RELATIONS
from tests.conftest import data

PAGE = """{ projects(first: 50) { totalCount nodes { ref title status dataQuality
  hostCountry { code name asean } technologies { key name sectors { key name } }
  funding { amount currency programme { key name } } } } }"""
NEIGHBOURHOOD = """query($ref: String!, $more: Boolean!) { project(ref: $ref) {
  __typename id ref title status statusAsGiven registeredOn estimatedAnnualReduction
  country: hostCountry { __typename code name asean sources { url dataQuality } }
  partnership { key } sources { url title publishedOn }
  technologies { key name sectors { key name } }
  methodologies { basis version methodology { key title } }
  participants { role side note organization { key name } }
  funding { amount fiscalYear programme { key name } }
  issuances { key notifiedTotal reportedOn series { key quantity } }
  ...Extra
  validations @include(if: $more) { key }
  monitoringPeriods @skip(if: $more) { key } } }
fragment Extra on Project { formerRefs conflicts { field } resubmittedAs { ref } }"""
# Deeper than a compiled read goes: the loaders answer these, a batched trip a level.
DEEP = """{ project(ref: "ID002") { issuances { series { issuance { project {
  ref hostCountry { partnerships { key } } } } } } } }"""
NODE = """query($id: ID!) { node(id: $id) { __typename id
  ... on Country { code name projects(first: 3) { nodes { ref hostCountry { code } } } } } }"""
PAGES = """query($first: Int, $after: String) { country(code: "TH") { name
  projects(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { ref hostCountry { code } } } } } }"""
COUNTRY_PAGES = """{ countries(first: 100) { nodes { code
  projects(first: 2) { totalCount nodes { ref } } } } }"""
# Lists of scalars and enums: a stats group's data qualities, a trace's gaps, former refs.
LISTS_OF_LEAVES = """{ stats(groupBy: [COUNTRY]) { country creditQualities }
  traceCredit(serial: "JP-X-ID-02-2016-1-000003") { gaps dataQuality }
  project(ref: "ID002") { formerRefs } }"""
TOO_LARGE_PAGE = (
    """{ countries(first: 2) { nodes { code projects(first: 500) { totalCount } } } }"""
)

CASES = [
    ("a page of projects with their relations", PAGE, {}),
    (
        "a project's neighbourhood with aliases and fragments",
        NEIGHBOURHOOD,
        {"ref": "ID002", "more": True},
    ),
    ("the same, other fields skipped", NEIGHBOURHOOD, {"ref": "BD002", "more": False}),
    ("relations deeper than a compiled read", DEEP, {}),
    ("a node of an abstract type", NODE, {"id": "Q291bnRyeTpUSA"}),
    ("a page of a related list, by variables", PAGES, {"first": 3, "after": key_cursor("TH003")}),
    ("pages of related lists in a page", COUNTRY_PAGES, {}),
    ("a nested error", TOO_LARGE_PAGE, {}),
    ("lists of scalars and enums", LISTS_OF_LEAVES, {}),
]


@contextmanager
def executed_by(client: httpx.AsyncClient, executor: type) -> Iterator[None]:
    schema = client.app.state.schema  # type: ignore[attr-defined]
    before = schema.execution_context_class
    schema.execution_context_class = executor
    try:
        yield
    finally:
        schema.execution_context_class = before


async def answer(client: httpx.AsyncClient, query: str, variables: dict, tag: str) -> Any:
    body, _ = await answer_and_trips(client, query, variables, tag)
    return body


async def answer_and_trips(
    client: httpx.AsyncClient, query: str, variables: dict, tag: str
) -> tuple[Any, int]:
    # A comment of its own per executor, so neither answer comes from the response cache.
    body = {"query": f"{query}\n# {tag}", "variables": variables}
    response = await client.post("/graphql", json=body)
    return response.json(), int(response.headers["x-db-round-trips"])


@pytest.mark.parametrize("executor", [DirectExecutor, PlannedExecutor], ids=["by field", "by plan"])
@pytest.mark.parametrize(("query", "variables"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_direct_execution_answers_as_graphql_core_does(
    seeded_client: httpx.AsyncClient, query: str, variables: dict, executor: type
) -> None:
    with executed_by(seeded_client, executor):
        direct, trips = await answer_and_trips(seeded_client, query, variables, executor.__name__)
    with executed_by(seeded_client, StrawberryGraphQLCoreExecutionContext):
        own, own_trips = await answer_and_trips(
            seeded_client, query, variables, f"graphql-core, not {executor.__name__}"
        )
    assert direct == own
    assert trips == own_trips
    assert direct.get("data") or direct["errors"][0]["extensions"]["code"] != "BAD_USER_INPUT"


async def test_a_nested_error_keeps_its_code_and_path(seeded_client: httpx.AsyncClient) -> None:
    # `projects` is a non-null connection: its error nulls the nearest nullable parent, the
    # response's data, and ends the request at the first one, as graphql-core does.
    body = await answer(seeded_client, TOO_LARGE_PAGE, {}, "direct")
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert error["path"] == ["countries", "nodes", 0, "projects"]


class CountingExecutor(DirectExecutor):
    """Counts the fields left to graphql-core's own path (each builds a resolve info)."""

    by_graphql_core: ClassVar[list[str]] = []

    def build_resolve_info(self, field_def: Any, field_nodes: Any, *args: Any) -> Any:
        CountingExecutor.by_graphql_core.append(field_nodes[0].name.value)
        return super().build_resolve_info(field_def, field_nodes, *args)


async def counted(client: httpx.AsyncClient, query: str) -> tuple[dict, int, list[str]]:
    """The answer, its round trips and the fields graphql-core's own path resolved."""
    CountingExecutor.by_graphql_core = []
    with executed_by(client, CountingExecutor):
        body, trips = await answer_and_trips(client, query, {}, "counted")
    return data(body), trips, CountingExecutor.by_graphql_core


async def test_every_field_under_a_compiled_page_is_answered_directly(
    seeded_client: httpx.AsyncClient,
) -> None:
    answered, _, by_graphql_core = await counted(seeded_client, PAGE)
    nodes = answered["projects"]["nodes"]
    assert len(nodes) == 50
    assert any(n["funding"] for n in nodes)
    # The root field alone; not the connection's fields, nor the nodes' hundreds of fields.
    assert by_graphql_core == ["projects"]


async def test_a_relation_not_read_yet_goes_through_its_loader(
    seeded_client: httpx.AsyncClient,
) -> None:
    answered, _, by_graphql_core = await counted(seeded_client, DEEP)
    assert answered["project"]["issuances"]
    assert "partnerships" in by_graphql_core


async def test_every_relation_a_lookup_reads_with_its_project_is_answered_directly(
    seeded_client: httpx.AsyncClient,
) -> None:
    relations = " ".join(f"{field} {{ __typename }}" for field in RELATIONS["Project"])
    query = f'{{ project(ref: "ID002") {{ ref {relations} }} }}'
    answered, trips, by_graphql_core = await counted(seeded_client, query)
    assert answered["project"]["issuances"]
    assert trips == 1
    assert by_graphql_core == ["project"]


async def test_pages_of_related_lists_a_page_read_are_answered_directly(
    seeded_client: httpx.AsyncClient,
) -> None:
    answered, trips, by_graphql_core = await counted(seeded_client, COUNTRY_PAGES)
    assert trips == 1
    assert any(c["projects"]["nodes"] for c in answered["countries"]["nodes"])
    assert by_graphql_core == ["countries"]


async def test_lists_of_scalars_and_enums_are_answered_directly(
    seeded_client: httpx.AsyncClient,
) -> None:
    answered, _, by_graphql_core = await counted(seeded_client, LISTS_OF_LEAVES)
    assert answered["traceCredit"]["gaps"]
    assert all(g["creditQualities"] == ["OFFICIAL", "SECONDARY"] for g in answered["stats"])
    # The root fields alone (each an async resolver): none of the lists.
    assert sorted(by_graphql_core) == ["project", "stats", "traceCredit"]


def test_a_list_item_a_scalar_refuses_leaves_the_whole_field_to_graphql_core() -> None:
    # graphql-core then reports the error at the item's own path.
    complete = _completer(GraphQLList(GraphQLNonNull(GraphQLInt)))
    assert complete is not None
    assert complete(None, [1, 2], None, None) == [1, 2]
    assert complete(None, None, None, None) is None
    for refused in ([1, "two"], [1, None], (1, 2)):
        with pytest.raises(_Fallback):
            complete(None, refused, None, None)
