"""Compiled reads return the properties the request selects on each node type, not every
property: what a field needs is read from the API's own types, and a type whose needs
cannot be told is read whole."""

from __future__ import annotations

import httpx

from schema.project_types import Project
from schema.projection import WHOLE, resolver_reads
from seed.seed_files import read_seed
from tests.conftest import data, gql, projection

PROJECTS = {p.ref: p for p in read_seed()["projects.json"]}


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
