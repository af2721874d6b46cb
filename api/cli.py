"""The `jcm` command line: serve the API, run the embedded database, migrate."""

from __future__ import annotations

import argparse
import asyncio
import sys

from api.settings import Settings
from cypher.connect import build_store, describe_url
from cypher.embedded import EmbeddedFalkorDB, EmbeddedStartError


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app

    if args.seed_if_empty:
        settings = settings.model_copy(update={"seed_if_empty": True})
    uvicorn.run(
        create_app(settings),
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_level=settings.log_level.lower(),
        proxy_headers=True,
    )
    return 0


def cmd_db(settings: Settings, args: argparse.Namespace) -> int:
    if describe_url(settings.graph_url) != "embedded":
        print(f"JCM_GRAPH_URL is set ({settings.graph_url}): no embedded database to manage.")
        return 2
    embedded = EmbeddedFalkorDB(settings.data_dir)
    if args.action == "start":
        try:
            started = embedded.start()
        except EmbeddedStartError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(("started" if started else "already running") + f": {embedded.socket}")
    elif args.action == "stop":
        print("stopped" if embedded.stop() else "not running")
    else:
        status = embedded.status()
        state = f"running (pid {status.pid})" if status.running else "stopped"
        print(
            f"{state}\n  data dir: {status.data_dir}\n  socket:   {status.socket}\n"
            f"  log:      {status.log_file}"
        )
        return 0 if status.running else 3
    return 0


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    async def run() -> list[str]:
        embedded = None
        if describe_url(settings.graph_url) == "embedded":
            embedded = EmbeddedFalkorDB(settings.data_dir)
            if not embedded.start():
                embedded = None  # it was running already: leave it running
        store = build_store(settings.store_config())
        try:
            return await store.migrate()
        finally:
            await store.close()
            if embedded is not None:
                embedded.stop()

    created = asyncio.run(run())
    print(f"created {len(created)}: " + ", ".join(created) if created else "schema up to date")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="jcm", description="JCM Graph: the API and its database.")
    sub = root.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the GraphQL API")
    serve.add_argument("--host", help="listen address (default JCM_HOST)")
    serve.add_argument("--port", type=int, help="listen port (default JCM_PORT)")
    serve.add_argument("--seed-if-empty", action="store_true", help="load the JCM data if empty")
    serve.set_defaults(run=cmd_serve)
    db = sub.add_parser("db", help="manage the embedded FalkorDB")
    db.add_argument("action", choices=["start", "stop", "status"])
    db.set_defaults(run=cmd_db)
    migrate = sub.add_parser("migrate", help="create missing constraints and indexes")
    migrate.set_defaults(run=cmd_migrate)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(Settings(), args)


if __name__ == "__main__":
    sys.exit(main())
