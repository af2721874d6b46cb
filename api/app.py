"""The Starlette application factory."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route, WebSocketRoute

from api.access_log import AccessLog
from api.aef_csv import aef_csv
from api.explorer_routes import explorer_asset, explorer_page
from api.exports import cadt_file, graph_dump
from api.graphiql_assets import MOUNT, AssetFiles
from api.graphql_http import GraphQLHttp
from api.graphql_view import JcmGraphQL
from api.health import healthz, readyz
from api.home import home
from api.metrics import Metrics, metrics_endpoint
from api.read_access import reader_only
from api.request_log import RequestIdMiddleware, configure_logging
from api.response_cache import ResponseCache
from api.settings import Settings
from api.version_reads import SharedVersionReads
from cypher.connect import open_store
from cypher.embedded import keep_alive
from schema.event_feed import EventFeed
from schema.ledger_scans import LedgerScanGate
from schema.limits import Limits
from schema.query_cost import Budget
from schema.root import build_schema
from seed.loader import seed_if_empty

log = logging.getLogger("jcm.app")


def root_field_names(schema: Any) -> frozenset[str]:
    """Every root field of the schema: the bounded set of operation labels."""
    roots = (
        schema._schema.query_type,
        schema._schema.mutation_type,
        schema._schema.subscription_type,
    )
    return frozenset(name for root in roots if root for name in root.fields)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    configure_logging(settings.log_level, settings.log_format)
    limits = Limits(settings.max_depth, settings.max_aliases, settings.max_tokens)
    budget = Budget(settings.max_cost_anonymous, settings.max_cost_token)
    schema = build_schema(limits, budget)
    graphql = JcmGraphQL(schema, graphql_ide="graphiql")
    assets = AssetFiles(graphql.graphql_ide_html)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        opened = open_store(settings.store_config())
        app.state.store = opened.store
        app.state.version_reads = SharedVersionReads(opened.store.version)
        try:
            created = await opened.store.migrate()
            if created:
                log.info("migrations: %s", ", ".join(created))
            if settings.seed_if_empty and (summary := await seed_if_empty(opened.store)):
                log.info("loaded the JCM seed data (%d records)", summary.changed)
            if missing := assets.missing():
                log.error("GraphiQL assets missing (run `npm ci`): %s", ", ".join(missing))
            log.info("serving on %s (%s)", opened.store.address, opened.store.backend)
            watchdog = asyncio.create_task(keep_alive(opened.embedded)) if opened.embedded else None
            app.state.event_feed = EventFeed(opened.store, settings.max_subscriptions)
            app.state.metrics.watch_store(opened.store, settings.pool_size)
            app.state.metrics.watch_subscriptions(app.state.event_feed)
            # What start-up built (schema, clients, seed data) lives as long as the process: out
            # of the collector's sight, full collections stop walking it each time (they took
            # about 70 ms, every 40th page of 50 projects; with it, under 5 ms).
            gc.collect()
            gc.freeze()
            try:
                yield
            finally:
                gc.unfreeze()  # another app in this process (tests) may be collected again
                await app.state.event_feed.close()
                if watchdog is not None:
                    watchdog.cancel()
        finally:
            await opened.close()

    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/", home),
            Route("/explore", explorer_page),
            Route("/explore/{path:path}", explorer_page),
            Route("/explore-assets/{name}", explorer_asset),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics_endpoint),
            Route("/aef/{party}/{year}/{table}.csv", reader_only(aef_csv)),
            Route("/export/cadt-v2/{name}", reader_only(cadt_file)),
            Route("/export/graph.json", reader_only(graph_dump)),
            Route(MOUNT + "{path:path}", assets.serve),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.schema = schema
    app.state.ledger_scans = LedgerScanGate(settings.anonymous_ledger_scans_per_minute)
    app.state.event_feed = None  # set once the store is open
    app.state.metrics = Metrics()
    app.add_middleware(
        GraphQLHttp,
        max_body_bytes=settings.max_body_bytes,
        root_fields=root_field_names(schema),
        view=graphql,
        cache=ResponseCache(settings.response_cache_entries)
        if settings.response_cache_entries
        else None,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Authorization", "X-Request-ID"],
            expose_headers=["X-Request-ID"],
            max_age=600,
        )
    app.add_middleware(AccessLog)
    app.add_middleware(RequestIdMiddleware)
    return app
