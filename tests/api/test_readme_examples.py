"""The GraphQL examples of the README run as written, on whichever store the suite runs on."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from tests.conftest import WRITER_TOKEN, data, gql, gql_as

README = Path(__file__).parents[2] / "README.md"


def readme_examples() -> list[str]:
    return re.findall(r"```graphql\n(.*?)```", README.read_text("utf-8"), flags=re.DOTALL)


def test_the_readme_has_query_and_mutation_examples() -> None:
    examples = readme_examples()
    assert any(e.lstrip().startswith("{") for e in examples)
    assert any(e.lstrip().startswith("mutation") for e in examples)


async def test_every_readme_query_answers_without_errors(
    seeded_client: httpx.AsyncClient,
) -> None:
    queries = [e for e in readme_examples() if e.lstrip().startswith("{")]
    for query in queries:
        body = data(await gql(seeded_client, query))
        assert all(value is not None for value in body.values()), (query, body)


async def test_every_readme_mutation_applies_for_a_writer(
    ledger_client: httpx.AsyncClient,
) -> None:
    mutations = [e for e in readme_examples() if e.lstrip().startswith("mutation")]
    for mutation in mutations:
        body = data(await gql_as(ledger_client, WRITER_TOKEN, mutation))
        (result,) = body.values()
        assert result["eventSeq"] >= 1
        assert result["replayed"] is False
