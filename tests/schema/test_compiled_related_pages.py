"""A page of a related list (`country { projects(first:, after:) }`) comes in the statement
of the root field that selects it: the lookup or page, the related page with its total and
cursor, and the relations selected on the page's nodes are one database round trip."""

from __future__ import annotations

import httpx

from cypher.compiled_reads import Paged, compose, relation, relation_params
from cypher.registry import QueryRegistry
from schema.prefetch import LOOKUPS, PAGES, RELATIONS, TARGETS
from seed.seed_files import read_seed
from tests.conftest import data, projection

PROJECTS = read_seed()["projects.json"]
QUERIES = QueryRegistry("neo4j")


def hosted_by(code: str) -> list[str]:
    return sorted(p.ref for p in PROJECTS if p.hostCountry == code)


def participating(organization: str) -> list[str]:
    return sorted(
        p.ref for p in PROJECTS if any(x.organization == organization for x in p.participants)
    )


async def ask(
    http: httpx.AsyncClient, query: str, variables: dict | None = None
) -> tuple[dict, int]:
    response = await http.post("/graphql", json={"query": query, "variables": variables or {}})
    return response.json(), int(response.headers["x-db-round-trips"])


COUNTRY_PAGE = """query($code: String!, $first: Int, $after: String) {
  country(code: $code) { name projects(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ref hostCountry { code } } } } }"""


async def test_a_country_with_a_page_of_its_projects_is_one_round_trip(
    seeded_client: httpx.AsyncClient,
) -> None:
    body, trips = await ask(seeded_client, COUNTRY_PAGE, {"code": "TH", "first": 5})
    assert trips == 1
    page = data(body)["country"]["projects"]
    assert page["totalCount"] == len(hosted_by("TH"))
    assert [n["ref"] for n in page["nodes"]] == hosted_by("TH")[:5]
    assert all(n["hostCountry"] == {"code": "TH"} for n in page["nodes"])
    assert page["pageInfo"]["hasNextPage"] is True


async def test_paging_a_country_s_projects_by_cursor_walks_the_whole_list_once(
    seeded_client: httpx.AsyncClient,
) -> None:
    seen: list[str] = []
    after = None
    while True:
        variables = {"code": "ID", "first": 7, "after": after}
        body, trips = await ask(seeded_client, COUNTRY_PAGE, variables)
        assert trips == 1
        page = data(body)["country"]["projects"]
        assert page["totalCount"] == len(hosted_by("ID"))  # the list's, not what is left
        seen += [n["ref"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == hosted_by("ID")


async def test_a_compiled_page_equals_the_same_page_read_by_its_loader(
    seeded_client: httpx.AsyncClient,
) -> None:
    # Reached through a project's hostCountry, the country's page is not compiled: its own
    # named query (country_projects) reads it.
    fields = """projects(first: 4, after: $after) { totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { ref title status dataQuality } } }"""
    first, _ = await ask(seeded_client, COUNTRY_PAGE, {"code": "VN", "first": 4})
    after = data(first)["country"]["projects"]["pageInfo"]["endCursor"]
    compiled, trips = await ask(
        seeded_client,
        f'query($after: String) {{ country(code: "VN") {{ {fields} }} }}',
        {"after": after},
    )
    loaded, loaded_trips = await ask(
        seeded_client,
        f'query($after: String) {{ project(ref: "VN001") {{ hostCountry {{ {fields} }} }} }}',
        {"after": after},
    )
    assert (trips, loaded_trips) == (1, 2)
    assert data(compiled)["country"] == data(loaded)["project"]["hostCountry"]


async def test_a_page_size_left_out_is_the_default_page_in_the_same_round_trip(
    seeded_client: httpx.AsyncClient,
) -> None:
    body, trips = await ask(seeded_client, COUNTRY_PAGE, {"code": "ID"})  # no $first
    assert trips == 1
    assert [n["ref"] for n in data(body)["country"]["projects"]["nodes"]] == hosted_by("ID")[:20]


async def test_a_country_with_no_projects_has_an_empty_page(
    seeded_client: httpx.AsyncClient,
) -> None:
    body, trips = await ask(seeded_client, COUNTRY_PAGE, {"code": "JP", "first": 3})
    assert trips == 1
    assert data(body)["country"]["projects"] == {
        "totalCount": 0,
        "pageInfo": {"hasNextPage": False, "endCursor": None},
        "nodes": [],
    }


async def test_two_pages_of_one_list_under_aliases_are_each_right(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ organization(key: "nippon-koei") { name
        few: projects(first: 2) { nodes { ref } }
        more: projects(first: 6) { totalCount nodes { ref } } } }"""
    body, trips = await ask(seeded_client, query)
    assert trips == 1
    organization = data(body)["organization"]
    assert [n["ref"] for n in organization["few"]["nodes"]] == participating("nippon-koei")[:2]
    assert [n["ref"] for n in organization["more"]["nodes"]] == participating("nippon-koei")[:6]
    assert organization["more"]["totalCount"] == len(participating("nippon-koei"))


async def test_a_page_of_countries_with_a_page_of_projects_each_is_one_round_trip(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ countries(first: 100) { nodes { code
        projects(first: 2) { totalCount nodes { ref } } } } }"""
    body, trips = await ask(seeded_client, query)
    assert trips == 1
    for country in data(body)["countries"]["nodes"]:
        hosted = hosted_by(country["code"])
        assert country["projects"]["totalCount"] == len(hosted)
        assert [n["ref"] for n in country["projects"]["nodes"]] == hosted[:2]


async def test_a_page_too_large_is_still_refused_with_its_code(
    seeded_client: httpx.AsyncClient,
) -> None:
    body, _ = await ask(seeded_client, COUNTRY_PAGE, {"code": "TH", "first": 500})
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert "at most 100" in body["errors"][0]["message"]


async def test_a_cursor_the_api_did_not_give_is_refused_with_its_code(
    seeded_client: httpx.AsyncClient,
) -> None:
    body, _ = await ask(seeded_client, COUNTRY_PAGE, {"code": "TH", "after": "not-a-cursor"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "cursor" in body["errors"][0]["message"]


def test_the_compiled_statement_of_a_lookup_with_a_page_of_a_related_list() -> None:
    graphql = """{ country(code: "TH") { name projects(first: 2, after: "…") {
        totalCount nodes { title hostCountry { code } } } } }"""
    plan = Paged("country_projects", ("project_host_country",), limit=2, after="TH010")
    assert compose(QUERIES, "country_by_key", [plan], projection(graphql)) == (
        "UNWIND $keys AS key\n"
        "MATCH (root:Country {code: key})\n"
        "CALL {\n"
        "  WITH root\n"
        "  WITH root AS a\n"
        "  CALL {\n"
        "    WITH a\n"
        "    MATCH (a)<-[r:HOSTED_IN]-(b:Project)\n"
        "    RETURN count(b) AS total\n"
        "  }\n"
        "  CALL {\n"
        "    WITH a\n"
        "    MATCH (a)<-[r:HOSTED_IN]-(b:Project)\n"
        "    WHERE $rel0_after IS NULL OR b.ref > $rel0_after\n"
        "    WITH b, r\n"
        "    ORDER BY b.ref\n"
        "    LIMIT $rel0_fetch\n"
        "    CALL {\n"
        "      WITH b\n"
        "      WITH b AS a\n"
        "      MATCH (a)-[r:HOSTED_IN]->(b:Country)\n"
        "      WITH b, r\n"
        "      ORDER BY b.code\n"
        # Per node type across the document: the host countries are read as the root is.
        "      RETURN collect({node: b {.code, .name}, rel: r {.*}}) AS sub0\n"
        "    }\n"
        "    WITH b, r, sub0\n"
        "    ORDER BY b.ref\n"
        "    RETURN collect({node: b {.ref, .title}, rel: r {.*}, sub0: sub0}) AS found\n"
        "  }\n"
        "  RETURN {total: total, hasNext: size(found) > $rel0_limit, "
        "items: found[0..$rel0_limit]} AS rel0\n"
        "}\n"
        "RETURN key, root {.code, .name} AS node, rel0"
    )
    # The page's size and cursor are parameters: the text is the same for every page.
    assert relation_params([plan]) == {"rel0_limit": 2, "rel0_fetch": 3, "rel0_after": "TH010"}
    other = Paged("country_projects", ("project_host_country",), limit=50)
    assert compose(QUERIES, "country_by_key", [other], projection(graphql)) == compose(
        QUERIES, "country_by_key", [plan], projection(graphql)
    )


def test_every_page_query_of_a_related_list_can_be_composed() -> None:
    pages = [name for name in QUERIES.names() if "AS hasNext" in QUERIES.get(name).text]
    assert len(pages) == 11
    for name in pages:
        assert relation(QUERIES, name).cursor in {"ref", "id"}, name


def test_every_compiled_page_composes_with_the_relations_its_nodes_can_have() -> None:
    for type_name, fields in PAGES.items():
        for name in fields.values():
            nested = tuple(RELATIONS[TARGETS[name]].values())
            text = compose(QUERIES, LOOKUPS[type_name], [Paged(name, nested)])
            assert text.count("CALL {") == 3 + len(nested)  # the page, its count, its rows
