"""What an operator sees: Prometheus metrics at /metrics, one JSON log line per request, and a
server that refuses connections past its cap instead of queueing them."""

from __future__ import annotations

import gc
import json
import logging
import time
from contextlib import ExitStack

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from api.app import create_app
from cypher.embedded import EmbeddedFalkorDB
from tests.api.test_uvicorn_server import jcm_serve
from tests.conftest import READER_TOKEN, app_settings, gql, gql_as, start_empty


def samples(text: str) -> dict[tuple[str, tuple], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


async def test_metrics_count_requests_by_operation_and_outcome_and_database_work(
    ledger_client: httpx.AsyncClient,
) -> None:
    await gql(ledger_client, "{ countries { totalCount } }")
    await gql(ledger_client, '{ project(ref: "NO-SUCH") { ref } }')
    await gql(ledger_client, "{ countries(first: 1000) { totalCount } }")
    response = await ledger_client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    found = samples(response.text)
    ok = ("jcm_requests_total", (("operation", "countries"), ("outcome", "ok")))
    assert found[ok] >= 1
    assert found[("jcm_requests_total", (("operation", "project"), ("outcome", "NOT_FOUND")))] >= 1
    limited = ("jcm_requests_total", (("operation", "countries"), ("outcome", "LIMIT_EXCEEDED")))
    assert found[limited] >= 1
    assert found[("jcm_request_duration_seconds_count", (("operation", "countries"),))] >= 2
    # The page and its totalCount are one statement, named for the page query it extends.
    counted = ("query", "countries_page_composed")
    assert found[("jcm_db_queries_total", (("outcome", "ok"), counted))] >= 1
    assert ("jcm_db_queries_in_flight", ()) in found
    assert found[("jcm_subscriptions_open", ())] == 0
    assert found[("jcm_db_pool_size", ())] >= 1


async def test_metrics_count_the_writes_that_applied(ledger_client: httpx.AsyncClient) -> None:
    from tests.conftest import WRITER_TOKEN
    from tests.schema.test_registry_records import OPEN

    await gql_as(ledger_client, WRITER_TOKEN, OPEN, key="TH-METRICS", country="TH")
    found = samples((await ledger_client.get("/metrics")).text)
    assert found[("jcm_db_writes_applied_total", (("query", "open_account"),))] == 1


async def test_each_request_is_one_json_log_line_with_its_id_operation_and_caller(
    ledger_client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    from api.request_log import JsonFormatter

    caplog.set_level(logging.INFO, logger="jcm.access")
    logging.getLogger("jcm").propagate = True
    try:
        await gql_as(ledger_client, READER_TOKEN, "{ countries { totalCount } }", **{})
    finally:
        logging.getLogger("jcm").propagate = False
    record = next(r for r in caplog.records if r.name == "jcm.access")
    line = json.loads(JsonFormatter().format(record))
    assert line["logger"] == "jcm.access"
    assert line["path"] == "/graphql"
    assert line["status"] == 200
    assert line["operation"] == "countries"
    assert line["outcome"] == "ok"
    assert line["caller"] == "reader"
    assert line["dbRoundTrips"] >= 1
    assert line["durationMs"] >= 0
    assert line["requestId"] not in ("", "-")


def test_the_server_refuses_connections_past_its_cap_at_once(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    import websockets.sync.client as ws_client

    # The cap is per process: one worker makes it exact.
    with jcm_serve(embedded, graph_name, max_connections="2", workers="1") as (base, _):
        url = base.replace("http://", "ws://") + "/graphql"
        with ExitStack() as held:
            for _ in range(2):
                held.enter_context(ws_client.connect(url, subprotocols=["graphql-transport-ws"]))
            refused = httpx.get(f"{base}/healthz", timeout=5)
            assert refused.status_code == 503
        time.sleep(0.5)
        assert httpx.get(f"{base}/healthz", timeout=5).status_code == 200


async def test_what_start_up_built_is_kept_out_of_the_collector_while_serving(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    # A full collection walks every tracked object; the schema, the clients and the seed data
    # built at start-up are frozen out of it while the app serves, and given back when it stops.
    await start_empty(embedded, graph_name)
    app = create_app(app_settings(embedded, graph_name))
    async with app.router.lifespan_context(app):
        assert gc.get_freeze_count() > 0
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jcm.test") as http:
            assert await gql(http, "{ __typename }") == {"data": {"__typename": "Query"}}
    assert gc.get_freeze_count() == 0
