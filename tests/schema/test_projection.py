"""Compiled reads return the properties the request selects on each node type, not every
property: what a field needs is read from the API's own types, and a type whose needs
cannot be told is read whole."""

from __future__ import annotations

import json

import httpx
import pytest
from graphql import parse

from cypher.credit_trace import TRACE_NEEDS
from schema.project_types import Project
from schema.projection import WHOLE, projection_for_needs, resolver_reads
from schema.root import build_schema
from seed.seed_files import read_seed
from tests.conftest import data, field_selections, gql, projection

PROJECTS = {p.ref: p for p in read_seed()["projects.json"]}
SCHEMA = build_schema()._schema


def test_each_node_type_reads_its_key_and_the_properties_selected_on_it() -> None:
    assert projection(
        "{ projects(first: 5) { nodes { title hostCountry { name } technologies { key } } } }"
    ) == (
        ("Country", ("code", "name")),
        ("Project", ("ref", "title")),
        ("Technology", ("id",)),
    )


def test_a_type_selected_in_two_places_reads_the_fields_of_both() -> None:
    query = """{ project(ref: "TH014") { hostCountry { name } }
                 country(code: "TH") { iso3 asean } }"""
    assert dict(projection(query))["Country"] == ("asean", "code", "iso3", "name")


def test_fields_selected_on_an_interface_or_in_fragments_count_for_the_type() -> None:
    query = """query($id: ID!) { node(id: $id) { id ...Titled } }
               fragment Titled on Project { title }"""
    assert dict(projection(query))["Project"] == ("ref", "title")


def test_a_field_with_a_graph_name_of_its_own_reads_that_property() -> None:
    assert dict(projection('{ project(ref: "TH014") { hostCountryCode } }'))["Project"] == (
        "hostCountry",
        "ref",
    )


def test_a_resolver_reads_the_stored_fields_it_uses() -> None:
    fields = {f.python_name: f for f in Project.__strawberry_definition__.fields}
    former = fields["former_refs"].base_resolver.wrapped_func
    assert resolver_reads(Project, "ref", former) == frozenset({"formerRefs"})
    hosted = fields["host_country"].base_resolver.wrapped_func
    assert resolver_reads(Project, "ref", hosted) == frozenset({"ref"})


def test_a_type_whose_resolver_hands_self_on_is_read_whole() -> None:
    # externalRecords passes the project itself to each link it builds.
    fields = {f.python_name: f for f in Project.__strawberry_definition__.fields}
    links = fields["external_records"].base_resolver.wrapped_func
    assert resolver_reads(Project, "ref", links) is WHOLE
    assert "Project" not in dict(
        projection('{ project(ref: "TH014") { externalRecords { key } } }')
    )


async def test_fields_computed_from_stored_properties_answer_through_compiled_reads(
    seeded_client: httpx.AsyncClient,
) -> None:
    body = await gql(
        seeded_client,
        """{ a: project(ref: "BD002") { formerRefs }
             b: project(ref: "MN003") { conflicts { field values { value } } }
             c: project(ref: "ID007") { resubmittedAs { ref } } }""",
    )
    result = data(body)
    assert result["a"]["formerRefs"] == PROJECTS["BD002"].formerRefs
    assert [c["field"] for c in result["b"]["conflicts"]] == ["title"]
    assert result["c"]["resubmittedAs"] == {"ref": PROJECTS["ID007"].resubmittedAs}


async def test_a_node_read_for_one_place_answers_every_place_of_its_type(
    seeded_client: httpx.AsyncClient,
) -> None:
    # Both lookups prime the same relation loader for TH014's host country; each place gets
    # the fields it asked for.
    body = await gql(
        seeded_client,
        """{ a: project(ref: "TH014") { hostCountry { name } }
             b: project(ref: "TH014") { hostCountry { iso3 asean } }
             projects(first: 100, filter: { hostCountries: ["TH"] }) {
               nodes { ref hostCountry { jcmPartner } } } }""",
    )
    result = data(body)
    assert result["a"]["hostCountry"] == {"name": "Thailand"}
    assert result["b"]["hostCountry"] == {"iso3": "THA", "asean": True}
    assert {n["hostCountry"]["jcmPartner"] for n in result["projects"]["nodes"]} == {True}


PROJECT_FIELDS = field_selections("Project")
# Countries whose projects have former references (BD), conflicting sources (MN) and a
# resubmission (ID): the fields computed from stored properties have something to show.
COUNTRIES = ["BD", "MN", "ID"]


async def _whole(http: httpx.AsyncClient) -> dict[str, dict]:
    """Every field of these countries' projects, read through a paged relation (its loader
    reads whole nodes, `{.*}`)."""
    fields = " ".join(PROJECT_FIELDS)
    roots = " ".join(
        f'{c}: country(code: "{c}") {{ projects(first: 100) {{ nodes {{ ref {fields} }} }} }}'
        for c in COUNTRIES
    )
    result = data(await gql(http, f"{{ {roots} }}"))
    return {p["ref"]: p for c in COUNTRIES for p in result[c]["projects"]["nodes"]}


async def test_every_project_field_asked_alone_in_a_page_answers_as_read_whole(
    seeded_client: httpx.AsyncClient,
) -> None:
    whole = await _whole(seeded_client)
    for selection in PROJECT_FIELDS:
        name = selection.split()[0]
        query = f"""{{ projects(first: 100, filter: {{ hostCountries: {json.dumps(COUNTRIES)} }})
                   {{ nodes {{ ref {selection} }} }} }}"""
        nodes = data(await gql(seeded_client, query))["projects"]["nodes"]
        assert {n["ref"] for n in nodes} == set(whole)
        for node in nodes:
            assert node[name] == whole[node["ref"]][name], (name, node["ref"])


async def test_every_project_field_asked_alone_in_a_lookup_answers_as_read_whole(
    seeded_client: httpx.AsyncClient,
) -> None:
    whole = await _whole(seeded_client)
    refs = ["BD002", "MN003", "ID007", "ID010"]
    for selection in PROJECT_FIELDS:
        name = selection.split()[0]
        roots = " ".join(f'{r}: project(ref: "{r}") {{ {selection} }}' for r in refs)
        result = data(await gql(seeded_client, f"{{ {roots} }}"))
        for ref in refs:
            assert result[ref][name] == whole[ref][name], (name, ref)


async def test_every_country_field_asked_alone_in_a_lookup_answers_as_read_whole(
    seeded_client: httpx.AsyncClient,
) -> None:
    # Read whole: a partnership's countries come through their loader (`{.*}`).
    fields = " ".join(field_selections("Country"))
    query = f'{{ partnership(key: "JP-TH") {{ countries {{ {fields} }} }} }}'
    countries = data(await gql(seeded_client, query))["partnership"]["countries"]
    whole = {c["code"]: c for c in countries}
    assert set(whole) == {"JP", "TH"}
    for selection in field_selections("Country"):
        name = selection.split()[0]
        roots = " ".join(f'{c}: country(code: "{c}") {{ {selection} }}' for c in whole)
        result = data(await gql(seeded_client, f"{{ {roots} }}"))
        for code in whole:
            assert result[code][name] == whole[code][name], (name, code)


@pytest.mark.parametrize(
    ("ref", "key"),
    [("TH014", "ISS-TH-ITMO-2025-1"), ("MN004", "ISS-MN004-2025-1")],  # the second derives
)
async def test_every_issuance_field_asked_alone_as_a_relation_answers_as_read_whole(
    seeded_client: httpx.AsyncClient, ref: str, key: str
) -> None:
    # Read whole: an issuance looked up by key (not a compiled lookup) reads `{.*}`.
    fields = " ".join(field_selections("Issuance"))
    whole = data(await gql(seeded_client, f'{{ issuance(key: "{key}") {{ {fields} }} }}'))[
        "issuance"
    ]
    for selection in field_selections("Issuance"):
        name = selection.split()[0]
        query = f'{{ project(ref: "{ref}") {{ issuances {{ key {selection} }} }} }}'
        issuances = data(await gql(seeded_client, query))["project"]["issuances"]
        [issuance] = [i for i in issuances if i["key"] == key]
        assert issuance[name] == whole[name], name


def test_a_trace_reads_what_it_checks_and_what_is_selected_of_its_upstream() -> None:
    def needs(query: str) -> dict[str, tuple[str, ...]]:
        operation = parse(query).definitions[0]
        return dict(projection_for_needs(SCHEMA, operation, {}, TRACE_NEEDS))

    read = needs('{ traceCredit(serial: "JP-X-MN-01-2016-1-000050") { project { title } } }')
    assert read["Project"] == ("dataQuality", "ref", "title")
    assert read["Series"] == ("dataQuality", "id", "quantity")  # not selected: what it checks
    assert read["Verification"] == ("id",)
    whole = needs('{ traceCredit(serial: "X") { project { externalRecords { key } } } }')
    assert "Project" not in whole  # a selection that needs every property reads it whole
