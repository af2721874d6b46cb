"""Cursor pagination: complete, ordered, stable; bad cursors are refused clearly."""

from __future__ import annotations

import httpx

from schema.pagination import connection
from seed.seed_files import read_seed
from tests.conftest import WRITER_TOKEN, data, gql, gql_as

PROJECTS = read_seed()["projects.json"]
INDONESIAN = sum(1 for p in PROJECTS if p.hostCountry == "ID")

PAGE = """query($after: String, $order: [ProjectOrder!]) {
  projects(first: 7, after: $after, orderBy: $order) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ref registeredOn } } } }"""


async def walk(http: httpx.AsyncClient, order: list | None = None) -> tuple[list[dict], int]:
    seen: list[dict] = []
    after = None
    pages = 0
    while True:
        result = data(await gql(http, PAGE, after=after, order=order))["projects"]
        seen += [edge["node"] for edge in result["edges"]]
        pages += 1
        if not result["pageInfo"]["hasNextPage"]:
            assert result["totalCount"] == len(seen)
            return seen, pages
        after = result["pageInfo"]["endCursor"]
        assert after == result["edges"][-1]["cursor"]


async def test_walking_every_page_yields_each_project_once_in_order(
    seeded_client: httpx.AsyncClient,
) -> None:
    nodes, pages = await walk(seeded_client)
    refs = [n["ref"] for n in nodes]
    assert refs == sorted(refs)
    assert len(set(refs)) == len(refs) == len(PROJECTS)
    assert pages == -(-len(PROJECTS) // 7)


async def test_walking_a_sort_with_ties_and_nulls_loses_and_repeats_nothing(
    seeded_client: httpx.AsyncClient,
) -> None:
    order = [{"field": "REGISTERED_ON", "direction": "DESC"}]
    nodes, _ = await walk(seeded_client, order)
    keys = [(n["registeredOn"] or "", n["ref"]) for n in nodes]
    assert len({n["ref"] for n in nodes}) == len(nodes) == len(PROJECTS)
    # Dates descending, ties broken by ref ascending.
    assert keys == sorted(keys, key=lambda k: (_negate(k[0]), k[1]))


def _negate(text: str) -> tuple[int, ...]:
    return (*(-ord(c) for c in text), 1)


async def test_tampered_cursor_is_a_bad_user_input(seeded_client: httpx.AsyncClient) -> None:
    first = data(await gql(seeded_client, PAGE))["projects"]
    cursor = first["pageInfo"]["endCursor"]
    for bad in (cursor[:-2] + "xx", "not-a-cursor", cursor[::-1]):
        body = await gql(seeded_client, PAGE, after=bad)
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", bad
        assert "cursor" in body["errors"][0]["message"]


async def test_cursor_of_another_ordering_is_refused(seeded_client: httpx.AsyncClient) -> None:
    cursor = data(await gql(seeded_client, PAGE))["projects"]["pageInfo"]["endCursor"]
    body = await gql(seeded_client, PAGE, after=cursor, order=[{"field": "TITLE"}])
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "ordering" in body["errors"][0]["message"]


async def test_nested_connection_pages_with_its_own_cursors(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """query($after: String) { country(code: "ID") {
        projects(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor }
                                           nodes { ref } } } }"""
    refs: list[str] = []
    after = None
    while True:
        page = data(await gql(seeded_client, query, after=after))["country"]["projects"]
        refs += [n["ref"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert refs == sorted(refs)
    assert len(refs) == page["totalCount"] == INDONESIAN


async def test_page_size_over_100_is_a_limit(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, "{ projects(first: 101) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    body = await gql(
        seeded_client, '{ country(code: "ID") { projects(first: 500) { totalCount } } }'
    )
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"


async def test_negative_page_size_is_a_bad_user_input(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, "{ projects(first: -1) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


BACK = """query($before: String, $order: [ProjectOrder!]) {
  projects(last: 7, before: $before, orderBy: $order) {
    pageInfo { hasPreviousPage hasNextPage startCursor } edges { cursor node { ref } } } }"""


async def test_walking_backward_with_last_and_before_yields_the_same_list_reversed(
    seeded_client: httpx.AsyncClient,
) -> None:
    order = [{"field": "REGISTERED_ON", "direction": "DESC"}]
    forward, _ = await walk(seeded_client, order)
    pages, before = [], None
    while True:
        result = data(await gql(seeded_client, BACK, before=before, order=order))["projects"]
        refs = [edge["node"]["ref"] for edge in result["edges"]]
        pages.append(refs)
        assert result["pageInfo"]["hasNextPage"] == (before is not None)
        if not result["pageInfo"]["hasPreviousPage"]:
            break
        before = result["pageInfo"]["startCursor"]
    backward = [ref for page in reversed(pages) for ref in page]
    assert backward == [n["ref"] for n in forward]
    assert all(len(page) == 7 for page in pages[:-1])


async def test_a_forward_cursor_pages_backward_too_but_directions_do_not_mix(
    seeded_client: httpx.AsyncClient,
) -> None:
    first = data(await gql(seeded_client, PAGE, after=None, order=None))["projects"]
    second = data(await gql(seeded_client, PAGE, after=first["pageInfo"]["endCursor"], order=None))[
        "projects"
    ]
    back = data(await gql(seeded_client, BACK, before=second["edges"][0]["cursor"], order=None))[
        "projects"
    ]
    assert [e["node"]["ref"] for e in back["edges"]] == [e["node"]["ref"] for e in first["edges"]]
    mixed = await gql(seeded_client, "{ projects(first: 2, last: 2) { totalCount } }")
    assert mixed["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_walking_forward_in_descending_key_order_yields_each_project_once(
    seeded_client: httpx.AsyncClient,
) -> None:
    nodes, _ = await walk(seeded_client, [{"field": "REF", "direction": "DESC"}])
    refs = [n["ref"] for n in nodes]
    assert refs == sorted(refs, reverse=True)
    assert len(set(refs)) == len(PROJECTS)


def test_a_page_makes_its_edges_and_cursors_only_when_asked() -> None:
    made: list[int] = []

    def cursor_at(position: int) -> str:
        made.append(position)
        return f"c{position}"

    page = connection(["a", "b", "c"], cursor_at, has_next=True, count=3)
    assert page.nodes() == ["a", "b", "c"]
    assert made == []  # the nodes alone need no cursor
    edges = page.edges()
    assert [(edge.node, edge.position) for edge in edges] == [("a", 0), ("b", 1), ("c", 2)]
    assert made == []
    assert [edges[2].cursor(), page.page_info.start_cursor()] == ["c2", "c0"]
    assert made == [2, 0]


BLOCK_TOTALS = """{ all: creditBlocks(first: 1) { totalCount }
  anyStatus: creditBlocks(first: 1, filter: { status: [HELD, RETIRED, CANCELLED, SUPERSEDED] }) {
    totalCount }
  graphInfo { labels { label count } } }"""


async def block_totals(http: httpx.AsyncClient) -> tuple[int, int, int]:
    """The unfiltered total, the total of a filter every block passes, and the blocks counted
    one by one."""
    answer = data(await gql(http, BLOCK_TOTALS))
    counted = {row["label"]: row["count"] for row in answer["graphInfo"]["labels"]}
    return answer["all"]["totalCount"], answer["anyStatus"]["totalCount"], counted["CreditBlock"]


async def test_an_unfiltered_total_counts_the_blocks_a_write_has_just_made(
    ledger_client: httpx.AsyncClient,
) -> None:
    # Unfiltered, FalkorDB's total is its own count of the label
    # (cypher/queries/label_total.falkordb.cypher), not a count of the matched nodes.
    all_before, any_before, counted_before = await block_totals(ledger_client)
    assert all_before == any_before == counted_before > 0
    transfer = """mutation($input: MoveInput!) {
      transferCredits(input: $input, toAccount: "JP-MAYEKAWA-HOLDING") { eventSeq } }"""
    moved = {"fromAccount": "JP-GOJ-HOLDING", "series": "JP-X-ID-02-2016-1", "first": 12,
             "last": 14, "on": "2026-02-01"}  # fmt: skip
    data(await gql_as(ledger_client, WRITER_TOKEN, transfer, input=moved))
    all_after, any_after, counted_after = await block_totals(ledger_client)
    assert all_after == any_after == counted_after > all_before
