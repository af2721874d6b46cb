"""A page of a related list (`country { projects(first:, after:) }`) comes in the statement
of the root field that selects it: the lookup or page, the related page with its total and
cursor, and the relations selected on the page's nodes are one database round trip."""

from __future__ import annotations

import httpx
import pytest

from cypher.compiled_reads import NotComposable, Paged, compose, relation, relation_params
from cypher.registry import QueryRegistry
from schema.prefetch import LOOKUPS, PAGES, RELATIONS, TARGETS
from seed.seed_files import read_seed
from tests.conftest import data, gql, projection

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


async def test_the_same_query_with_another_page_size_reads_that_page(
    seeded_client: httpx.AsyncClient,
) -> None:
    # A document's compiled plan is kept across requests: its page size comes from the
    # variables of each request, not from the first one.
    for first in (2, 4, 3):
        body, trips = await ask(seeded_client, COUNTRY_PAGE, {"code": "TH", "first": first})
        assert trips == 1
        nodes = data(body)["country"]["projects"]["nodes"]
        assert [n["ref"] for n in nodes] == hosted_by("TH")[:first]


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
    # Reached through a credit's trace, which is not a compiled lookup, the country's page is
    # read by its own named query (country_projects) through its loader.
    fields = """projects(first: 4, after: $after) { totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { ref title status dataQuality } } }"""
    first, _ = await ask(seeded_client, COUNTRY_PAGE, {"code": "TH", "first": 4})
    after = data(first)["country"]["projects"]["pageInfo"]["endCursor"]
    compiled, trips = await ask(
        seeded_client,
        f'query($after: String) {{ country(code: "TH") {{ {fields} }} }}',
        {"after": after},
    )
    loaded, loaded_trips = await ask(
        seeded_client,
        f"""query($after: String) {{ traceCredit(serial: "TH-X-TH-01-2025-1-000065") {{
            hostCountry {{ code {fields} }} }} }}""",
        {"after": after},
    )
    assert trips == 1
    assert loaded_trips > trips  # the trace's own trip, then the page's
    country = data(loaded)["traceCredit"]["hostCountry"]
    assert country.pop("code") == "TH"
    assert data(compiled)["country"] == country


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
        "  CALL {\n"
        "    WITH root\n"
        "    MATCH (root)<-[:HOSTED_IN]-(b:Project)\n"
        # The list is matched once, then counted and sorted to the page.
        "    RETURN collect(b) AS listed\n"
        "  }\n"
        "  CALL {\n"
        "    WITH listed\n"
        "    UNWIND listed AS b\n"
        "    WITH b\n"
        "    WHERE $rel0_after IS NULL OR b.ref > $rel0_after\n"
        "    WITH b\n"
        "    ORDER BY b.ref\n"
        "    LIMIT $rel0_fetch\n"
        "    CALL {\n"
        "      WITH b\n"
        "      MATCH (b)-[:HOSTED_IN]->(b1:Country)\n"
        "      WITH b1\n"
        "      ORDER BY b1.code\n"
        # Per node type across the document: the host countries are read as the root is.
        "      RETURN collect(b1 {.code, .name}) AS sub0\n"
        "    }\n"
        "    WITH b, sub0\n"
        "    ORDER BY b.ref\n"
        "    RETURN collect({node: b {.ref, .title}, sub0: sub0}) AS found\n"
        "  }\n"
        "  RETURN {total: size(listed), hasNext: size(found) > $rel0_limit, "
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


# Pages read by their own statement, never composed: on Neo4j an account's blocks come from
# the (holder, id) index in order (cypher/queries/account_blocks.neo4j.cypher).
INDEX_PAGED = {"account_blocks"}


def test_every_page_query_of_a_related_list_can_be_composed() -> None:
    pages = [name for name in QUERIES.names() if "AS hasNext" in QUERIES.get(name).text]
    assert len(pages) == 11
    for name in pages:
        if name in INDEX_PAGED:
            with pytest.raises(NotComposable):
                relation(QUERIES, name)
        else:
            assert relation(QUERIES, name).cursor in {"ref", "id"}, name


def test_no_compiled_read_composes_a_page_read_by_index() -> None:
    compiled = {name for fields in PAGES.values() for name in fields.values()}
    assert not compiled & INDEX_PAGED


def test_every_compiled_page_composes_with_the_relations_its_nodes_can_have() -> None:
    for type_name, fields in PAGES.items():
        for name in fields.values():
            nested = tuple(RELATIONS.get(TARGETS[name], {}).values())
            page = Paged(name, nested)
            if type_name in LOOKUPS:
                text = compose(QUERIES, LOOKUPS[type_name], [page])
                assert text.count("CALL {") == 3 + len(nested)  # the page, its list, its rows
            else:  # a type reached through a project's relation
                via = next(q for q in RELATIONS["Project"].values() if TARGETS.get(q) == type_name)
                text = compose(QUERIES, "project_by_key", [(via, (page,))])
                assert text.count("CALL {") == 4 + len(nested)


async def test_a_page_nested_under_a_relation_comes_in_the_same_round_trip(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ project(ref: "VN001") { title hostCountry { name
        projects(first: 3) { totalCount nodes { ref technologies { name } } } } } }"""
    body, trips = await ask(seeded_client, query)
    assert trips == 1
    page = data(body)["project"]["hostCountry"]["projects"]
    assert page["totalCount"] == len(hosted_by("VN"))
    assert [n["ref"] for n in page["nodes"]] == hosted_by("VN")[:3]
    assert any(n["technologies"] for n in page["nodes"])


NESTED_PAGE_STATEMENT = """UNWIND $keys AS key
MATCH (root:Project {ref: key})
CALL {
  WITH root
  MATCH (root)-[:HOSTED_IN]->(b:Country)
  WITH b
  ORDER BY b.code
  CALL {
    WITH b
    CALL {
      WITH b
      MATCH (b)<-[:HOSTED_IN]-(b1:Project)
      RETURN collect(b1) AS listed
    }
    CALL {
      WITH listed
      UNWIND listed AS b1
      WITH b1
      WHERE $rel0_sub0_after IS NULL OR b1.ref > $rel0_sub0_after
      WITH b1
      ORDER BY b1.ref
      LIMIT $rel0_sub0_fetch
      CALL {
        WITH b1
        MATCH (b1)-[:USES]->(b:Technology)
        WITH b
        ORDER BY b.id
        RETURN collect(b {.id, .name}) AS sub0
      }
      WITH b1, sub0
      ORDER BY b1.ref
      RETURN collect({node: b1 {.ref, .title}, sub0: sub0}) AS found
    }
    RETURN {total: size(listed), hasNext: size(found) > $rel0_sub0_limit, \
items: found[0..$rel0_sub0_limit]} AS sub0
  }
  WITH b, sub0
  ORDER BY b.code
  RETURN collect({node: b {.code, .name}, sub0: sub0}) AS rel0
}
RETURN key, root {.ref, .title} AS node, rel0"""


def test_a_page_nested_under_a_relation_compiles_to_a_subquery_of_its_subquery() -> None:
    # GraphQL: project(ref:) { title hostCountry { name projects(first: 3) {
    #   totalCount nodes { ref technologies { name } } } } }
    query = """{ project(ref: "VN001") { title hostCountry { name
        projects(first: 3) { totalCount nodes { ref technologies { name } } } } } }"""
    plan = ("project_host_country", (Paged("country_projects", ("project_technologies",), 3),))
    assert compose(QUERIES, "project_by_key", [plan], projection(query)) == NESTED_PAGE_STATEMENT
    # The nested page's size and cursor are named by where it sits.
    assert relation_params([plan]) == {
        "rel0_sub0_limit": 3,
        "rel0_sub0_fetch": 4,
        "rel0_sub0_after": None,
    }


async def test_relations_three_levels_below_a_lookup_come_in_its_round_trip(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ country(code: "TH") { projects(first: 6) {
        nodes { ref technologies { key sectors { key } } } } } }"""
    body, trips = await ask(seeded_client, query)
    assert trips == 1
    for node in data(body)["country"]["projects"]["nodes"]:
        alone, _ = await ask(
            seeded_client,
            f'{{ project(ref: "{node["ref"]}") {{ technologies {{ key sectors {{ key }} }} }} }}',
        )
        assert node["technologies"] == data(alone)["project"]["technologies"]
    assert any(n["technologies"] for n in data(body)["country"]["projects"]["nodes"])


async def test_relations_deeper_than_a_statement_reads_come_through_the_loaders(
    seeded_client: httpx.AsyncClient,
) -> None:
    # Five levels below the root: the statement reads four, a loader the fifth.
    query = """{ project(ref: "VN001") { hostCountry { projects(first: 2) { nodes {
        hostCountry { projects(first: 2) { nodes { ref technologies { key } } } } } } } } }"""
    body, trips = await ask(seeded_client, query)
    assert trips == 2
    outer = data(body)["project"]["hostCountry"]["projects"]["nodes"]
    inner = [n for o in outer for n in o["hostCountry"]["projects"]["nodes"]]
    assert [n["ref"] for n in inner] == hosted_by("VN")[:2] * 2
    for node in inner:
        alone, _ = await ask(
            seeded_client, f'{{ project(ref: "{node["ref"]}") {{ technologies {{ key }} }} }}'
        )
        assert node["technologies"] == data(alone)["project"]["technologies"]


BLOCKS = "blocks(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { key quantity } }"


async def test_pages_of_an_issuance_s_blocks_come_with_its_project(
    seeded_client: httpx.AsyncClient,
) -> None:
    body, trips = await ask(
        seeded_client, f'{{ project(ref: "ID002") {{ issuances {{ key {BLOCKS} }} }} }}'
    )
    assert trips == 1
    issuances = data(body)["project"]["issuances"]
    assert any(i["blocks"]["nodes"] for i in issuances)
    for issuance in issuances:  # the same page read alone, by its loader
        alone, _ = await ask(
            seeded_client, f'{{ issuance(key: "{issuance["key"]}") {{ key {BLOCKS} }} }}'
        )
        assert data(alone)["issuance"] == issuance


async def test_pages_of_a_technology_s_projects_come_with_its_project(
    seeded_client: httpx.AsyncClient,
) -> None:
    projects = "projects(first: 2) { totalCount nodes { ref hostCountry { code } } }"
    body, trips = await ask(
        seeded_client, f'{{ project(ref: "VN001") {{ technologies {{ key {projects} }} }} }}'
    )
    assert trips == 1
    technologies = data(body)["project"]["technologies"]
    assert technologies
    for technology in technologies:  # the same page in a list of technologies, by its loader
        listed = f'technologies(filter: {{ids: ["{technology["key"]}"]}})'
        alone, alone_trips = await ask(
            seeded_client, f"{{ {listed} {{ nodes {{ key {projects} }} }} }}"
        )
        assert alone_trips > 1
        assert data(alone)["technologies"]["nodes"] == [technology]


async def test_an_account_s_block_count_is_every_block_its_pages_give(
    seeded_client: httpx.AsyncClient,
) -> None:
    # The count and the pages are read by different parts of one statement
    # (cypher/queries/account_blocks.cypher): walked to the end, the pages give the count, in
    # id order, each block one the account holds. On Neo4j the pages come from the blocks'
    # `holder` property by index and the count from the HELD_IN relationships
    # (account_blocks.neo4j.cypher), so this also checks that the two agree.
    query = """{ countries(first: 50) { nodes { accounts { id key
      blocks(first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { key } } } } } }"""
    following = """query($id: ID!, $after: String) { node(id: $id) { ... on Account {
      blocks(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
      nodes { key account { key } } } } } }"""
    accounts = [
        account
        for country in data(await gql(seeded_client, query))["countries"]["nodes"]
        for account in country["accounts"]
    ]
    held = [a for a in accounts if a["blocks"]["totalCount"]]
    assert held
    for account in held:
        keys: list[str] = []
        answer = await gql(seeded_client, following, id=account["id"], after=None)
        page = data(answer)["node"]["blocks"]
        assert [n["key"] for n in page["nodes"][:5]] == [
            n["key"] for n in account["blocks"]["nodes"]
        ]
        while True:
            keys += [node["key"] for node in page["nodes"]]
            assert {node["account"]["key"] for node in page["nodes"]} <= {account["key"]}
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
            answer = await gql(seeded_client, following, id=account["id"], after=after)
            page = data(answer)["node"]["blocks"]
        assert len(keys) == len(set(keys)) == account["blocks"]["totalCount"], account["key"]
        assert keys == sorted(keys), account["key"]
