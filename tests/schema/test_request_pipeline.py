"""The request pipeline (schema/request_pipeline.py): parsing and validation results are kept
per query text, and each schema still applies its own limits."""

from __future__ import annotations

import httpx

from schema.limits import Limits
from schema.root import build_schema
from tests.conftest import gql


def code(body: dict) -> str:
    return body["errors"][0]["extensions"]["code"]


async def test_a_refused_operation_asked_again_is_refused_again(
    seeded_client: httpx.AsyncClient,
) -> None:
    # Validation results are kept per query text: the second answer comes from there.
    fields = " ".join(f"a{i}: graphInfo {{ nodeCount }}" for i in range(31))
    for _ in range(2):
        body = await gql(seeded_client, "{ " + fields + " }")
        assert code(body) == "LIMIT_EXCEEDED"
        assert "aliases" in body["errors"][0]["message"]


async def test_the_same_text_is_checked_against_each_schema_s_own_limits() -> None:
    text = "{ a: __typename b: __typename }"
    strict, relaxed = build_schema(Limits(max_aliases=1)), build_schema()
    for _ in range(2):  # the second time, from the kept results
        refused = await strict.execute(text)
        assert refused.errors is not None
        assert refused.errors[0].extensions["code"] == "LIMIT_EXCEEDED"
        answered = await relaxed.execute(text)
        assert answered.errors is None
        assert answered.data == {"a": "Query", "b": "Query"}


TWO_FEEDS = (
    "subscription { a: registryEvents(afterSeq: 0) { seq } b: registryEvents(afterSeq: 0) { seq } }"
)


async def test_a_subscription_is_held_to_the_schema_s_limits() -> None:
    stream = await build_schema(Limits(max_aliases=1)).subscribe(TWO_FEEDS)
    refused = await anext(stream)
    assert refused.errors is not None
    assert "LIMIT_EXCEEDED" in [e.extensions.get("code") for e in refused.errors]


async def test_a_subscription_over_the_token_limit_is_refused_before_running() -> None:
    stream = await build_schema(Limits(max_tokens=10)).subscribe(TWO_FEEDS)
    refused = await anext(stream)
    assert refused.errors is not None
    assert "more than 10 tokens" in refused.errors[0].message


async def test_a_subscription_that_does_not_parse_is_answered_with_its_syntax_error() -> None:
    stream = await build_schema().subscribe("subscription { registryEvents(afterSeq: 0) { seq } ")
    answered = await anext(stream)
    assert answered.errors is not None
    assert answered.errors[0].message.startswith("Syntax Error")
