"""Whole-ledger work is rate-limited for anonymous callers and free for callers with a token."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from api.app import create_app
from cypher.embedded import EmbeddedFalkorDB
from tests.conftest import READER_TOKEN, app_settings, gql, gql_as, token_entries

REPORT = """query($p: String) { integrityReport(rules: [SERIES_COUNTERS], seriesPrefix: $p) {
  rule } }"""


@pytest.fixture
async def limited_client(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> AsyncIterator[httpx.AsyncClient]:
    settings = app_settings(
        embedded,
        graph_name,
        seed_if_empty=True,
        tokens=token_entries(),
        anonymous_ledger_scans_per_minute=3,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            yield http


async def test_an_anonymous_client_gets_a_few_whole_ledger_requests_a_minute(
    limited_client: httpx.AsyncClient,
) -> None:
    # Each request asks something new: repeated answers come from the response cache, which
    # costs the database nothing and so is not limited.
    for i in range(3):
        assert "errors" not in await gql(limited_client, REPORT, p=f"JP-{i}")
    refused = (await gql(limited_client, REPORT, p="JP-3"))["errors"][0]
    assert refused["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert "3 whole-ledger requests a minute" in refused["message"]
    assert refused["extensions"]["retryAfter"] > 0
    flows = await gql(limited_client, "{ creditFlows { nodes { key } } }")
    assert flows["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    export = await limited_client.get("/export/cadt-v2/units.csv")
    assert export.status_code == 429
    assert int(export.headers["retry-after"]) > 0
    # Other reads are not affected.
    assert "errors" not in await gql(limited_client, "{ countries { totalCount } }")


async def test_a_caller_with_a_token_is_not_rate_limited(
    limited_client: httpx.AsyncClient,
) -> None:
    for i in range(6):
        assert "errors" not in await gql_as(limited_client, READER_TOKEN, REPORT, p=f"JP-{i}")
    headers = {"Authorization": f"Bearer {READER_TOKEN}"}
    for _ in range(4):
        export = await limited_client.get("/export/cadt-v2/projects.csv", headers=headers)
        assert export.status_code == 200
