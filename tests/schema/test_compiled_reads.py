"""A root lookup and the relations selected on it come back in one statement: one database
round trip per root field, whatever relations the query asks for (one level deep)."""

from __future__ import annotations

import re

import httpx
import pytest

from cypher.compiled_pages import composed_page
from cypher.compiled_reads import Paged, compose
from cypher.registry import QueryRegistry
from schema.prefetch import LOOKUPS, PAGES, RELATIONS, TARGETS
from seed.seed_files import read_seed
from tests.conftest import data, projection

PROJECTS = {p.ref: p for p in read_seed()["projects.json"]}
QUERIES = QueryRegistry("neo4j")  # the API's own queries, not the tests' extra ones


# `technologies { key }` on a project bound to `var`, as the compiled statements below read
# it: from the project itself (no second lookup by key), the technologies' key property only.
def technologies_subquery(var: str) -> str:
    return (
        "CALL {\n"
        f"  WITH {var}\n"
        f"  MATCH ({var})-[:USES]->(b:Technology)\n"
        "  WITH b\n"
        "  ORDER BY b.id\n"
        "  RETURN collect(b {.id}) AS rel0\n"
        "}\n"
    )


async def trips(http: httpx.AsyncClient, query: str) -> tuple[dict, int]:
    response = await http.post("/graphql", json={"query": query})
    body = response.json()
    assert "errors" not in body, body
    return data(body), int(response.headers["x-db-round-trips"])


async def test_a_project_and_its_neighbourhood_are_one_round_trip(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ project(ref: "TH014") { ref title dataQuality
        hostCountry { code } partnership { key } technologies { key }
        methodologies { version methodology { key } }
        participants { side organization { name } } funding { programme { key } }
        issuances { key } authorizations { key } decisions { key } sources { url } } }"""
    result, count = await trips(seeded_client, query)
    assert count == 1
    project = result["project"]
    seeded = PROJECTS["TH014"]
    assert project["hostCountry"] == {"code": "TH"}
    assert project["partnership"] == {"key": "JP-TH"}
    assert [t["key"] for t in project["technologies"]] == sorted(seeded.technologies)
    assert {p["organization"]["name"] for p in project["participants"]} >= {"TSB Bangkok Co., Ltd."}
    assert [i["key"] for i in project["issuances"]] == ["ISS-TH-ITMO-2025-1"]
    assert [a["key"] for a in project["authorizations"]] == ["AUTH-TH-2025-1"]
    assert sorted(s["url"] for s in project["sources"]) == sorted(seeded.sources)


async def test_a_country_and_an_organization_lookup_are_one_round_trip_each(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ country(code: "MN") { name partnerships { key } sources { url } }
                 organization(key: "nippon-koei") { name country { code } sources { url } } }"""
    result, count = await trips(seeded_client, query)
    assert count == 2
    assert result["country"]["partnerships"] == [{"key": "JP-MN"}]
    assert result["organization"]["country"] == {"code": "JP"}


async def test_a_page_and_the_relations_selected_on_its_nodes_are_one_round_trip(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ projects(first: 50) { nodes { ref hostCountry { code } technologies { key }
                 participants { role } issuances { key series { key } } sources { url } } } }"""
    result, count = await trips(seeded_client, query)
    assert count == 1
    for node in result["projects"]["nodes"]:
        assert node["hostCountry"] == {"code": PROJECTS[node["ref"]].hostCountry}


@pytest.mark.parametrize(
    "paging",
    [
        "first: 7",
        "first: 7, orderBy: [{ field: REGISTERED_ON, direction: DESC }, { field: REF }]",
        "last: 7",
        'first: 5, filter: { hostCountries: ["TH", "ID"] }',
    ],
)
async def test_a_composed_page_keeps_the_order_and_cursors_of_the_page_alone(
    seeded_client: httpx.AsyncClient, paging: str
) -> None:
    alone = f"{{ projects({paging}) {{ pageInfo {{ endCursor hasNextPage }} nodes {{ ref }} }} }}"
    joined = alone.replace("nodes { ref }", "nodes { ref technologies { key } sources { url } }")
    plain, _ = await trips(seeded_client, alone)
    with_relations, count = await trips(seeded_client, joined)
    assert count == 1
    assert [n["ref"] for n in with_relations["projects"]["nodes"]] == [
        n["ref"] for n in plain["projects"]["nodes"]
    ]
    assert with_relations["projects"]["pageInfo"] == plain["projects"]["pageInfo"]
    for node in with_relations["projects"]["nodes"]:
        assert sorted(s["url"] for s in node["sources"]) == sorted(PROJECTS[node["ref"]].sources)


PAGE = QUERIES.get("projects_page").text
PAGE_HEAD = PAGE.removesuffix("RETURN n {.*} AS node, sortKey").rstrip()


def compiled_page(graphql: str, *, cursors: bool) -> str:
    """The statement of a page of projects with their technologies, as `graphql` selects."""
    return composed_page(
        QUERIES,
        PAGE,
        "ref",
        ["project_technologies"],
        label="Project",
        projection=projection(graphql),
        cursors=cursors,
    )


def test_the_compiled_statement_of_a_page_with_one_relation_and_cursors() -> None:
    graphql = "{ projects(first: 20) { edges { cursor } nodes { ref technologies { key } } } }"
    assert compiled_page(graphql, cursors=True) == PAGE_HEAD + (
        "\n"
        "WITH collect({n: n, sortKey: sortKey}) AS page\n"
        "UNWIND range(0, size(page) - 1) AS i\n"
        "WITH i, page[i].n AS n, page[i].sortKey AS sortKey, page[i].n.ref AS key\n"
        + technologies_subquery("n")
        + "RETURN i, n {.ref} AS node, sortKey, key, rel0\n"
        "ORDER BY i"
    )


def test_the_compiled_statement_of_a_page_without_cursors_reads_no_sort_values() -> None:
    graphql = "{ projects(first: 20) { nodes { ref technologies { key } } } }"
    assert compiled_page(graphql, cursors=False) == PAGE_HEAD.replace(
        "WITH n, [n.ref] /*sortkey*/ AS sortKey", "WITH n"
    ) + (
        "\n"
        "WITH collect(n) AS page\n"
        "UNWIND range(0, size(page) - 1) AS i\n"
        "WITH i, page[i] AS n, page[i].ref AS key\n"
        + technologies_subquery("n")
        + "RETURN i, n {.ref} AS node, key, rel0\n"
        "ORDER BY i"
    )


@pytest.mark.parametrize(
    "arguments",
    [
        "first: 7",
        "first: 7, orderBy: [{ field: HOST_COUNTRY, direction: DESC }], filter: { asean: true }",
        'first: 3, filter: { hostCountries: ["MN"] }',
    ],
)
@pytest.mark.parametrize("selection", ["ref", "ref technologies { key }"])
async def test_a_page_without_cursors_has_the_nodes_of_the_page_with_them(
    seeded_client: httpx.AsyncClient, arguments: str, selection: str
) -> None:
    # Without edges or pageInfo the page is read without its sort values; with them, with.
    nodes = f"nodes {{ {selection} }}"
    bare, count = await trips(seeded_client, f"{{ projects({arguments}) {{ {nodes} }} }}")
    assert count == 1
    with_cursors, _ = await trips(
        seeded_client,
        f"{{ projects({arguments}) {{ edges {{ cursor }} pageInfo {{ endCursor }} {nodes} }} }}",
    )
    assert bare["projects"]["nodes"] == with_cursors["projects"]["nodes"]
    assert len(bare["projects"]["nodes"]) > 0
    after = with_cursors["projects"]["pageInfo"]["endCursor"]
    then, _ = await trips(
        seeded_client, f'{{ projects({arguments}, after: "{after}") {{ totalCount {nodes} }} }}'
    )
    assert [n["ref"] for n in then["projects"]["nodes"]] not in ([], bare["projects"]["nodes"])


def test_the_compiled_statement_of_a_lookup_with_one_relation() -> None:
    graphql = '{ project(ref: "TH014") { title technologies { key } } }'
    assert compose(QUERIES, "project_by_key", ["project_technologies"], projection(graphql)) == (
        "UNWIND $keys AS key\n"
        "MATCH (root:Project {ref: key})\n"
        + technologies_subquery("root")
        + "RETURN key, root {.ref, .title} AS node, rel0"
    )


def test_a_type_whose_fields_cannot_all_be_told_is_read_whole() -> None:
    # externalRecords hands the project itself on (schema/projection.py): every property.
    graphql = '{ project(ref: "TH014") { title externalRecords { confidence } } }'
    assert compose(QUERIES, "project_by_key", [], projection(graphql)) == (
        "UNWIND $keys AS key\nMATCH (root:Project {ref: key})\nRETURN key, root {.*} AS node"
    )


def test_every_prefetched_relation_query_composes_with_what_can_nest_in_it() -> None:
    for type_name, lookup in LOOKUPS.items():
        plans: list = []
        for name in RELATIONS[type_name].values():
            nested = tuple(RELATIONS.get(TARGETS.get(name, ""), {}).values())
            plans.append((name, nested) if nested else name)
        text = compose(QUERIES, lookup, plans)
        nested_count = sum(len(p[1]) for p in plans if isinstance(p, tuple))
        assert text.count("CALL {") == len(plans) + nested_count


def test_no_subquery_renames_the_node_it_starts_from() -> None:
    # Each relation, page and nested relation matches from the node it imports (`MATCH
    # (root)-[:USES]->…`), never from a renamed copy (`WITH root AS a`): FalkorDB spends
    # about 10 µs on each such WITH, once per row for a nested one.
    renaming = re.compile(r"^\s*WITH (\w+) AS (\w+)$", re.MULTILINE)
    for type_name, lookup in LOOKUPS.items():
        plans: list = []
        for name in RELATIONS[type_name].values():
            target = TARGETS.get(name, "")
            nested = [*RELATIONS.get(target, {}).values()]
            nested += [Paged(page) for page in PAGES.get(target, {}).values()]
            plans.append((name, tuple(nested)) if nested else name)
        plans += [
            Paged(page, tuple(RELATIONS.get(TARGETS[page], {}).values()))
            for page in PAGES.get(type_name, {}).values()
        ]
        text = compose(QUERIES, lookup, plans)
        assert "CALL {" in text
        assert renaming.findall(text) == [], lookup


def test_the_compiled_statement_of_a_relation_nested_in_a_relation() -> None:
    graphql = '{ project(ref: "TH014") { technologies { name sectors { key } } } }'
    assert compose(
        QUERIES,
        "project_by_key",
        [("project_technologies", ("technology_sectors",))],
        projection(graphql),
    ) == (
        "UNWIND $keys AS key\n"
        "MATCH (root:Project {ref: key})\n"
        "CALL {\n"
        "  WITH root\n"
        "  MATCH (root)-[:USES]->(b:Technology)\n"
        "  WITH b\n"
        "  ORDER BY b.id\n"
        "  CALL {\n"
        "    WITH b\n"
        # The sector is not `b` again: the technology bound to `b` is where it starts.
        "    MATCH (b)-[:IN_SECTOR]->(b1:Sector)\n"
        "    WITH b1\n"
        "    ORDER BY b1.id\n"
        "    RETURN collect(b1 {.id}) AS sub0\n"
        "  }\n"
        "  WITH b, sub0\n"
        "  ORDER BY b.id\n"
        "  RETURN collect({node: b {.id, .name}, sub0: sub0}) AS rel0\n"
        "}\n"
        "RETURN key, root {.ref} AS node, rel0"
    )


async def test_relations_two_levels_down_are_in_the_same_round_trip(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ project(ref: "TH014") { ref
        technologies { key sectors { key } }
        issuances { key series { key quantity } }
        hostCountry { code partnerships { key } } } }"""
    result, count = await trips(seeded_client, query)
    assert count == 1
    project = result["project"]
    assert [i["key"] for i in project["issuances"]] == ["ISS-TH-ITMO-2025-1"]
    assert project["issuances"][0]["series"], "the issuance's series come with it"
    assert all(t["sectors"] for t in project["technologies"])
    assert {"key": "JP-TH"} in project["hostCountry"]["partnerships"]
    # The same as loading them field by field (these root fields are not compiled).
    loaded, _ = await trips(
        seeded_client,
        """{ issuance(key: "ISS-TH-ITMO-2025-1") { series { key quantity } }
             technologies(first: 100) { nodes { key sectors { key } } } }""",
    )
    assert project["issuances"][0]["series"] == loaded["issuance"]["series"]
    sectors = {t["key"]: t["sectors"] for t in loaded["technologies"]["nodes"]}
    assert all(t["sectors"] == sectors[t["key"]] for t in project["technologies"])


async def test_relations_selected_through_fragments_are_compiled_too(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ project(ref: "TH014") { ...Facts ... on Project { sources { url } } } }
        fragment Facts on Project { hostCountry { code } technologies { key } }"""
    result, count = await trips(seeded_client, query)
    assert count == 1
    assert result["project"]["hostCountry"] == {"code": "TH"}
    assert result["project"]["sources"]


async def test_a_credit_trace_is_one_round_trip(seeded_client: httpx.AsyncClient) -> None:
    query = """{ traceCredit(serial: "TH-X-TH-01-2025-1-000065") {
        status holder { key } lineage { key } history { kind fromAccount { key } }
        issuance { key } project { ref } hostCountry { code } authorizations { key } gaps } }"""
    result, count = await trips(seeded_client, query)
    assert count == 1  # where the units come from, their transactions and the block lineage
    trace = result["traceCredit"]
    assert trace["project"] == {"ref": "TH014"}  # X-TH-01 before its registration
    assert trace["history"][0]["kind"] == "ISSUANCE"
    assert trace["lineage"][0]["key"].startswith("TH-X-TH-01-2025-1/")


async def test_a_credit_trace_with_relations_of_its_project_is_two_round_trips(
    seeded_client: httpx.AsyncClient,
) -> None:
    selection = """ref methodologies { version methodology { key } }
        participants { role side organization { name } } funding { amount programme { key } }
        technologies { key sectors { key } }"""
    query = f"""{{ traceCredit(serial: "TH-X-TH-01-2025-1-000065") {{
        status project {{ {selection} }} }} }}"""
    result, count = await trips(seeded_client, query)
    assert count == 2  # the trace, then its project's relations in one statement
    direct, _ = await trips(seeded_client, f'{{ project(ref: "TH014") {{ {selection} }} }}')
    assert result["traceCredit"]["project"] == direct["project"]
    assert result["traceCredit"]["project"]["participants"]


async def test_a_page_with_its_total_count_is_one_round_trip_and_counts_the_whole_filter(
    seeded_client: httpx.AsyncClient,
) -> None:
    thai = sum(1 for p in PROJECTS.values() if p.hostCountry == "TH")
    query = """query($after: String) { projects(first: 3, after: $after,
        filter: { hostCountries: ["TH"] }) { totalCount pageInfo { endCursor hasNextPage }
        nodes { ref hostCountry { code } } } }"""
    first, count = await trips(seeded_client, query)
    assert count == 1
    assert first["projects"]["totalCount"] == thai
    # After a cursor the total is still the filter's, not what is left.
    cursor = first["projects"]["pageInfo"]["endCursor"]
    response = await seeded_client.post(
        "/graphql", json={"query": query, "variables": {"after": cursor}}
    )
    assert data(response.json())["projects"]["totalCount"] == thai


async def test_an_empty_page_still_has_its_total_count(seeded_client: httpx.AsyncClient) -> None:
    query = """{ projects(first: 100, filter: { hostCountries: ["TH"] }) {
        pageInfo { endCursor } } }"""
    result, _ = await trips(seeded_client, query)
    last = result["projects"]["pageInfo"]["endCursor"]
    beyond, count = await trips(
        seeded_client,
        f"""{{ projects(first: 5, after: "{last}", filter: {{ hostCountries: ["TH"] }}) {{
            totalCount nodes {{ ref }} pageInfo {{ hasNextPage }} }} }}""",
    )
    assert count == 1
    assert beyond["projects"]["nodes"] == []
    assert beyond["projects"]["totalCount"] == sum(
        1 for p in PROJECTS.values() if p.hostCountry == "TH"
    )


@pytest.mark.parametrize(
    ("cursors", "fragment"),
    [
        ("... on ProjectConnection { pageInfo { endCursor } }", ""),
        ("...Cursors", "fragment Cursors on ProjectConnection { edges { cursor } }"),
    ],
)
async def test_cursors_asked_through_a_fragment_are_read(
    seeded_client: httpx.AsyncClient, cursors: str, fragment: str
) -> None:
    query = f"{{ projects(first: 3) {{ nodes {{ ref }} {cursors} }} }} {fragment}"
    answered, count = await trips(seeded_client, query)
    assert count == 1
    page = answered["projects"]
    cursor = page["pageInfo"]["endCursor"] if "pageInfo" in page else page["edges"][-1]["cursor"]
    after, _ = await trips(
        seeded_client, f'{{ projects(first: 3, after: "{cursor}") {{ nodes {{ ref }} }} }}'
    )
    assert after["projects"]["nodes"][0]["ref"] > page["nodes"][-1]["ref"]


async def test_an_empty_page_without_cursors_still_has_its_total_count(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ projects(first: 100, filter: { hostCountries: ["TH"] }) {
        pageInfo { endCursor } } }"""
    result, _ = await trips(seeded_client, query)
    last = result["projects"]["pageInfo"]["endCursor"]
    for nodes in ("nodes { ref }", "nodes { ref technologies { key } }"):
        beyond, count = await trips(
            seeded_client,
            f"""{{ projects(first: 5, after: "{last}", filter: {{ hostCountries: ["TH"] }}) {{
                totalCount {nodes} }} }}""",
        )
        assert count == 1
        assert beyond["projects"]["nodes"] == []
        assert beyond["projects"]["totalCount"] == sum(
            1 for p in PROJECTS.values() if p.hostCountry == "TH"
        )
