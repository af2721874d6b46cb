"""The bundled GraphiQL, in a real browser: it loads offline with no console error and
subscribes to the change feed over graphql-transport-ws."""

from __future__ import annotations

import json
from urllib.parse import quote

import httpx

from cypher.embedded import EmbeddedFalkorDB
from tests.api.test_uvicorn_server import jcm_serve
from tests.browser import browser_page
from tests.conftest import WRITER_TOKEN, token_entries
from tests.schema.test_registry_mutations import TRANSFER

SUBSCRIPTION = "subscription { registryEvents(afterSeq: 0) { seq action } }"


def test_graphiql_subscribes_to_the_change_feed_over_websocket(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    tokens = json.dumps(token_entries())
    with jcm_serve(embedded, graph_name, "--seed-if-empty", tokens=tokens, workers="1") as (
        base,
        _,
    ):
        body = httpx.post(
            f"{base}/graphql",
            json={
                "query": TRANSFER,
                "variables": {
                    "to": "JP-GOJ-HOLDING",
                    "input": {"fromAccount": "JP-MAYEKAWA-HOLDING", "quantity": 1},
                },
            },
            headers={"Authorization": f"Bearer {WRITER_TOKEN}"},
            timeout=30,
        ).json()
        assert "errors" not in body, body
        with browser_page(base) as (page, watch):
            page.goto(f"{base}/graphql?q={quote(SUBSCRIPTION)}")
            page.locator(".graphiql-execute-button").click()
            result = page.locator(".graphiql-response")
            result.get_by_text('"action": "TRANSFER"').wait_for(timeout=20_000)
            assert '"seq": 1' in result.inner_text()
            assert watch.external_requests == []
            assert watch.console_errors == []
