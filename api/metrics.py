"""Prometheus metrics of one API process, served at `/metrics`: requests by operation and
outcome, their latency and database round trips, every database statement's time and outcome,
statements in flight, open subscriptions, and the writes that applied (the audit events)."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import Response

from api.metric_counts import PlainCollector, PlainCounter, PlainHistogram
from cypher.store import GraphStore

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
TRIP_BUCKETS = (0, 1, 2, 4, 8, 16, 32, 64)


class Metrics:
    """The instruments, in a registry of their own (one per app, so apps never share them)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        # Counted on every request and statement: plain numbers (api/metric_counts.py).
        self.requests = PlainCounter(
            "jcm_requests_total",
            "HTTP requests by route or GraphQL operation (its first root field) and outcome "
            "(ok, the first error code, or http_<status>).",
            ["operation", "outcome"],
        )
        self.latency = PlainHistogram(
            "jcm_request_duration_seconds",
            "Time to answer a request.",
            ["operation"],
            LATENCY_BUCKETS,
        )
        self.round_trips = PlainHistogram(
            "jcm_request_db_round_trips",
            "Database round trips of one GraphQL request.",
            ["operation"],
            TRIP_BUCKETS,
        )
        self.db_seconds = PlainHistogram(
            "jcm_db_query_duration_seconds",
            "Time of one database statement, by named query.",
            ["query"],
            LATENCY_BUCKETS,
        )
        self.db_queries = PlainCounter(
            "jcm_db_queries_total",
            "Database statements by named query and outcome (ok or the error's class).",
            ["query", "outcome"],
        )
        r.register(
            PlainCollector(
                self.requests, self.latency, self.round_trips, self.db_seconds, self.db_queries
            )
        )
        self.writes_applied = Counter(
            "jcm_db_writes_applied_total",
            "Write statements that applied (returned a row): each ledger or registry write "
            "appends one audit event.",
            ["query"],
            registry=r,
        )
        self.in_flight = Gauge(
            "jcm_db_queries_in_flight",
            "Statements running now (connections of the pool in use).",
            registry=r,
        )
        self.pool_size = Gauge("jcm_db_pool_size", "Database connections allowed.", registry=r)
        self.subscriptions = Gauge(
            "jcm_subscriptions_open", "Change-feed subscriptions open now.", registry=r
        )

    def watch_store(self, store: GraphStore, pool_size: int) -> None:
        writes = set()

        def observe(name: str, seconds: float, outcome: str, rows: int) -> None:
            self.db_seconds.observe((name,), seconds)
            self.db_queries.inc((name, outcome))
            if rows and name in writes:
                self.writes_applied.labels(name).inc()

        writes.update(
            name
            for name in store.registry.names()
            if "CREATE (e:Event)" in store.registry.get(name).text
        )
        store.observer = observe
        self.in_flight.set_function(lambda: store.in_flight)
        self.pool_size.set(pool_size)

    def watch_subscriptions(self, feed: Any) -> None:
        self.subscriptions.set_function(lambda: feed.subscribers)

    def request(self, operation: str, outcome: str, seconds: float, trips: int | None) -> None:
        # Both labels come from bounded sets (api/access_log.py).
        self.requests.inc((operation, outcome))
        self.latency.observe((operation,), seconds)
        if trips is not None:
            self.round_trips.observe((operation,), trips)


async def metrics_endpoint(request: Request) -> Response:
    metrics: Metrics = request.app.state.metrics
    return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)
