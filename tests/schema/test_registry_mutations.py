"""Registry operations through GraphQL: happy paths, refusals that write nothing, retries."""

from __future__ import annotations

import httpx
import pytest

from cypher import ledger_ops
from cypher.ledger_checks import ledger_problems
from tests.conftest import ADMIN_TOKEN, READER_TOKEN, WRITER_TOKEN, data, gql, gql_as

TRANSFER = """mutation($input: MoveInput!, $to: String!) {
  transferCredits(input: $input, toAccount: $to) { eventSeq replayed transactions } }"""
RETIRE = """mutation($input: MoveInput!) {
  retireCredits(input: $input, purpose: "NDC", beneficiary: "GoJ") { eventSeq transactions } }"""
CANCEL = """mutation($input: MoveInput!) {
  cancelCredits(input: $input, reason: "voluntary") { eventSeq transactions } }"""
BLOCKS = """query($account: String!) { creditBlocks(first: 100,
  filter: {status: [HELD, RETIRED, CANCELLED]}) { nodes { key series first last status
  account { key } } } }"""
STATE = """{ graphInfo { nodeCount relationshipCount } auditLog(first: 1) { totalCount } }"""
SERIES = "JP-X-ID-02-2016-1"


async def live_blocks(http: httpx.AsyncClient, series: str) -> list[tuple]:
    query = """query($s: [String!]) { creditBlocks(first: 100, filter: {series: $s,
      status: [HELD, RETIRED, CANCELLED]}, orderBy: [{field: FIRST}]) {
      nodes { first last status account { key } } } }"""
    nodes = data(await gql(http, query, s=[series]))["creditBlocks"]["nodes"]
    return [(n["first"], n["last"], n["status"], n["account"]["key"]) for n in nodes]


async def assert_sound(http: httpx.AsyncClient) -> None:
    assert await ledger_problems(http.app.state.store, exhaustive=True) == []  # type: ignore[attr-defined]
    check = data(await gql(http, "{ verifyAuditChain { ok checked } }"))["verifyAuditChain"]
    assert check["ok"]


async def test_transfer_of_a_range_splits_the_block(ledger_client: httpx.AsyncClient) -> None:
    body = await gql_as(
        ledger_client,
        WRITER_TOKEN,
        TRANSFER,
        to="JP-MAYEKAWA-HOLDING",
        input={
            "fromAccount": "JP-GOJ-HOLDING",
            "series": SERIES,
            "first": 12,
            "last": 14,
            "on": "2026-02-01",
        },
    )
    result = data(body)["transferCredits"]
    assert result["eventSeq"] == 1
    assert result["replayed"] is False
    assert len(result["transactions"]) == 1
    blocks = await live_blocks(ledger_client, SERIES)
    assert (11, 11, "HELD", "JP-GOJ-HOLDING") in blocks
    assert (12, 14, "HELD", "JP-MAYEKAWA-HOLDING") in blocks
    assert (15, 27, "HELD", "JP-GOJ-HOLDING") in blocks
    await assert_sound(ledger_client)


async def test_transfer_by_quantity_takes_the_oldest_units(
    ledger_client: httpx.AsyncClient,
) -> None:
    body = await gql_as(
        ledger_client,
        WRITER_TOKEN,
        TRANSFER,
        to="JP-GOJ-HOLDING",
        input={"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": 1},
    )
    assert len(data(body)["transferCredits"]["transactions"]) == 1
    blocks = await live_blocks(ledger_client, SERIES)
    assert (31, 31, "HELD", "JP-GOJ-HOLDING") in blocks
    await assert_sound(ledger_client)


HELD_BLOCKS = """{ creditBlocks(first: 100, filter: {status: [HELD]},
  orderBy: [{field: SERIES}, {field: FIRST}]) {
  nodes { series first last account { key } } pageInfo { hasNextPage } } }"""


async def held_blocks(http: httpx.AsyncClient, account: str) -> list[tuple]:
    """The account's HELD blocks, oldest units first: the order a move by quantity takes them."""
    page = data(await gql(http, HELD_BLOCKS))["creditBlocks"]
    assert not page["pageInfo"]["hasNextPage"]
    return [
        (n["series"], n["first"], n["last"])
        for n in page["nodes"]
        if n["account"]["key"] == account
    ]


async def test_transfer_by_quantity_takes_whole_blocks_then_part_of_the_next(
    ledger_client: httpx.AsyncClient,
) -> None:
    held = await held_blocks(ledger_client, "JP-GOJ-HOLDING")
    (s1, f1, l1), (s2, f2, l2) = held[:2]
    assert l2 > f2  # the seed's second block has units to spare
    body = await gql_as(
        ledger_client,
        WRITER_TOKEN,
        TRANSFER,
        to="JP-MAYEKAWA-HOLDING",
        input={"fromAccount": "JP-GOJ-HOLDING", "quantity": (l1 - f1 + 1) + 1},
    )
    assert len(data(body)["transferCredits"]["transactions"]) == 2
    assert await held_blocks(ledger_client, "JP-GOJ-HOLDING") == [(s2, f2 + 1, l2), *held[2:]]
    received = await held_blocks(ledger_client, "JP-MAYEKAWA-HOLDING")
    assert (s1, f1, l1) in received
    assert (s2, f2, f2) in received
    await assert_sound(ledger_client)


async def test_transfer_by_quantity_refusal_says_how_many_units_the_account_holds(
    ledger_client: httpx.AsyncClient,
) -> None:
    held = await held_blocks(ledger_client, "JP-MAYEKAWA-HOLDING")
    units = sum(last - first + 1 for _, first, last in held)
    body = await gql_as(
        ledger_client,
        WRITER_TOKEN,
        TRANSFER,
        to="JP-GOJ-HOLDING",
        input={"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": units + 1},
    )
    error = body["errors"][0]
    assert error["extensions"] == {"code": "CONFLICT", "field": "quantity"}
    assert error["message"] == (
        f"account JP-MAYEKAWA-HOLDING holds {units} units, fewer than the {units + 1} asked for"
    )


async def test_transfer_by_quantity_needing_more_blocks_than_a_move_takes_is_refused(
    ledger_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = await held_blocks(ledger_client, "JP-GOJ-HOLDING")
    first_two = sum(last - first + 1 for _, first, last in held[:2])
    monkeypatch.setattr(ledger_ops, "MAX_BLOCKS_PER_MOVE", 2)
    before = data(await gql(ledger_client, STATE))
    body = await gql_as(
        ledger_client,
        WRITER_TOKEN,
        TRANSFER,
        to="JP-MAYEKAWA-HOLDING",
        input={"fromAccount": "JP-GOJ-HOLDING", "quantity": first_two + 1},
    )
    error = body["errors"][0]
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "field": "quantity"}
    assert error["message"] == (
        "a move by quantity takes at most 2 blocks, and the oldest 2 that account "
        f"JP-GOJ-HOLDING holds carry {first_two} units, fewer than the {first_two + 1} asked "
        f"for: move at most {first_two} at once"
    )
    assert data(await gql(ledger_client, STATE)) == before


async def test_transfer_of_a_range_lying_in_more_blocks_than_a_move_takes_is_refused(
    ledger_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = await live_blocks(ledger_client, SERIES)
    assert len(blocks) >= 3
    (first, _, _, _), (_, second_last, _, _), (_, third_last, _, _) = blocks[:3]
    monkeypatch.setattr(ledger_ops, "MAX_BLOCKS_PER_MOVE", 2)
    before = data(await gql(ledger_client, STATE))
    body = await gql_as(
        ledger_client,
        WRITER_TOKEN,
        TRANSFER,
        to="JP-MAYEKAWA-HOLDING",
        input={
            "fromAccount": "JP-GOJ-HOLDING",
            "series": SERIES,
            "first": first,
            "last": third_last,
        },
    )
    error = body["errors"][0]
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "field": "last"}
    assert error["message"] == (
        f"a move by range takes at most 2 blocks, and units {first}-{third_last} of {SERIES} "
        f"lie in more: move units {first}-{second_last} first, then the rest"
    )
    assert data(await gql(ledger_client, STATE)) == before


async def test_retire_and_cancel_update_status_and_series_counters(
    ledger_client: httpx.AsyncClient,
) -> None:
    data(
        await gql_as(
            ledger_client,
            WRITER_TOKEN,
            RETIRE,
            input={"fromAccount": "JP-GOJ-HOLDING", "series": SERIES, "first": 11, "last": 20},
        )
    )
    data(
        await gql_as(
            ledger_client,
            WRITER_TOKEN,
            CANCEL,
            input={"fromAccount": "JP-GOJ-HOLDING", "series": SERIES, "first": 21, "last": 21},
        )
    )
    blocks = await live_blocks(ledger_client, SERIES)
    assert (11, 20, "RETIRED", "JP-RETIREMENT") in blocks
    assert (21, 21, "CANCELLED", "JP-CANCELLATION") in blocks
    series = data(
        await gql(
            ledger_client,
            f"""{{ creditBlocks(filter: {{ids: ["{SERIES}/21-21"]}}) {{
        nodes {{ seriesInfo {{ retired cancelled }} }} }} }}""",
        )
    )
    assert series["creditBlocks"]["nodes"][0]["seriesInfo"] == {"retired": 20, "cancelled": 2}
    await assert_sound(ledger_client)


REFUSALS = [
    (
        "unknown account",
        TRANSFER,
        {"to": "JP-GOJ-HOLDING", "input": {"fromAccount": "NOPE", "quantity": 1}},
        "NOT_FOUND",
    ),
    (
        "unknown series",
        TRANSFER,
        {
            "to": "JP-GOJ-HOLDING",
            "input": {
                "fromAccount": "JP-MAYEKAWA-HOLDING",
                "series": "JP-NOPE-2016-1",
                "first": 1,
                "last": 1,
            },
        },
        "NOT_FOUND",
    ),
    (
        "more than held",
        TRANSFER,
        {"to": "JP-GOJ-HOLDING", "input": {"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": 5}},
        "CONFLICT",
    ),
    (
        "range not held by source",
        TRANSFER,
        {
            "to": "JP-MAYEKAWA-HOLDING",
            "input": {"fromAccount": "JP-GOJ-HOLDING", "series": SERIES, "first": 31, "last": 31},
        },
        "CONFLICT",
    ),
    (
        "retired units",
        TRANSFER,
        {
            "to": "JP-MAYEKAWA-HOLDING",
            "input": {"fromAccount": "JP-GOJ-HOLDING", "series": SERIES, "first": 5, "last": 6},
        },
        "INTEGRITY_VIOLATION",
    ),
    (
        "cancelled unit",
        RETIRE,
        {
            "input": {
                "fromAccount": "JP-MAYEKAWA-HOLDING",
                "series": SERIES,
                "first": 30,
                "last": 30,
            }
        },
        "INTEGRITY_VIOLATION",
    ),
    (
        "from a retirement account",
        TRANSFER,
        {"to": "JP-GOJ-HOLDING", "input": {"fromAccount": "JP-RETIREMENT", "quantity": 1}},
        "INTEGRITY_VIOLATION",
    ),
    (
        "range and quantity",
        TRANSFER,
        {
            "to": "JP-GOJ-HOLDING",
            "input": {
                "fromAccount": "JP-MAYEKAWA-HOLDING",
                "quantity": 1,
                "series": SERIES,
                "first": 31,
                "last": 31,
            },
        },
        "BAD_USER_INPUT",
    ),
    (
        "first after last",
        TRANSFER,
        {
            "to": "JP-GOJ-HOLDING",
            "input": {
                "fromAccount": "JP-MAYEKAWA-HOLDING",
                "series": SERIES,
                "first": 31,
                "last": 30,
            },
        },
        "BAD_USER_INPUT",
    ),
    (
        "transfer into a retirement account",
        TRANSFER,
        {"to": "JP-RETIREMENT", "input": {"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": 1}},
        "BAD_USER_INPUT",
    ),
]


@pytest.mark.parametrize(
    ("case", "mutation", "variables", "code"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
async def test_refused_operation_changes_nothing(
    ledger_client: httpx.AsyncClient, case: str, mutation: str, variables: dict, code: str
) -> None:
    before = data(await gql(ledger_client, STATE))
    body = await gql_as(ledger_client, WRITER_TOKEN, mutation, **variables)
    assert body["errors"][0]["extensions"]["code"] == code, body
    assert body["errors"][0]["message"]
    assert data(await gql(ledger_client, STATE)) == before


async def test_malformed_input_names_the_field(ledger_client: httpx.AsyncClient) -> None:
    body = await gql_as(
        ledger_client,
        WRITER_TOKEN,
        TRANSFER,
        to="JP-GOJ-HOLDING",
        input={"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": 0},
    )
    error = body["errors"][0]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "quantity"}


async def test_retry_with_the_same_key_applies_once(ledger_client: httpx.AsyncClient) -> None:
    variables = {
        "to": "JP-GOJ-HOLDING",
        "input": {"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": 1, "idempotencyKey": "retry-1"},
    }
    first = data(await gql_as(ledger_client, WRITER_TOKEN, TRANSFER, **variables))
    state = data(await gql(ledger_client, STATE))
    again = data(await gql_as(ledger_client, WRITER_TOKEN, TRANSFER, **variables))
    assert again["transferCredits"]["transactions"] == first["transferCredits"]["transactions"]
    assert again["transferCredits"]["replayed"] is True
    assert data(await gql(ledger_client, STATE)) == state


async def test_same_key_for_another_request_is_a_conflict(ledger_client: httpx.AsyncClient) -> None:
    base = {"fromAccount": "JP-MAYEKAWA-HOLDING", "idempotencyKey": "k"}
    data(
        await gql_as(
            ledger_client,
            WRITER_TOKEN,
            TRANSFER,
            to="JP-GOJ-HOLDING",
            input={**base, "quantity": 1},
        )
    )
    body = await gql_as(
        ledger_client, WRITER_TOKEN, TRANSFER, to="JP-GOJ-HOLDING", input={**base, "quantity": 2}
    )
    assert body["errors"][0]["extensions"]["code"] == "CONFLICT"


async def test_writes_need_a_token_with_the_right_role(ledger_client: httpx.AsyncClient) -> None:
    variables = {
        "to": "JP-GOJ-HOLDING",
        "input": {"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": 1},
    }
    for token, code in [
        (None, "UNAUTHENTICATED"),
        ("wrong", "UNAUTHENTICATED"),
        (READER_TOKEN, "FORBIDDEN"),
    ]:
        body = await gql_as(ledger_client, token, TRANSFER, **variables)
        assert body["errors"][0]["extensions"]["code"] == code, token
    upsert = """mutation { upsertOrganization(key: "acme", name: "Acme", kind: "COMPANY",
                 country: "JP") { keys } }"""
    body = await gql_as(ledger_client, WRITER_TOKEN, upsert)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert data(await gql_as(ledger_client, ADMIN_TOKEN, upsert))["upsertOrganization"] == {
        "keys": ["acme"]
    }
    # Reads stay public.
    assert "errors" not in await gql(ledger_client, "{ graphInfo { nodeCount } }")
