"""The `jcm` command line: serve the API, run the embedded database, migrate."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from api.settings import Settings
from cypher.connect import describe_url, open_store
from cypher.embedded import EmbeddedFalkorDB, EmbeddedStartError
from cypher.store import GraphStore
from seed.reference_graph import build_reference_graph
from seed.seed_files import DATA_DIR, SeedError, read_seed
from seed.writer import WriteSummary, write_payload

T = TypeVar("T")


def uvicorn_options(
    settings: Settings, *, host: str | None = None, port: int | None = None
) -> dict[str, Any]:
    """How `jcm serve` runs uvicorn (the benchmark's HTTP floor runs the same way)."""
    from api.http_protocol import OneSendHttpProtocol

    return {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_level": settings.log_level.lower(),
        "proxy_headers": True,
        # Open subscriptions must not hold a stopping server forever.
        "timeout_graceful_shutdown": 5,
        # Past this many open connections and requests, new ones get 503 at once.
        "limit_concurrency": settings.max_connections,
        "access_log": False,  # api/access_log.py logs every request, with more to say
        "http": OneSendHttpProtocol,  # a response in one write (api/http_protocol.py)
    }


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app

    if args.seed_if_empty:
        settings = settings.model_copy(update={"seed_if_empty": True})
    workers = args.workers or settings.workers
    common = uvicorn_options(settings, host=args.host, port=args.port)
    if workers == 1:
        uvicorn.run(create_app(settings), **common)
        return 0
    # Several worker processes share the database. What must happen once (starting the
    # embedded database, migrations, the seed) happens here first; the workers then find the
    # database ready, and this process stops the embedded one on exit if it started it.
    opened = open_store(settings.store_config())

    async def prepare() -> None:
        await opened.store.migrate()
        if settings.seed_if_empty:
            from seed.loader import seed_if_empty

            await seed_if_empty(opened.store)
        await opened.store.close()

    asyncio.run(prepare())
    os.environ["JCM_SEED_IF_EMPTY"] = "false"
    try:
        uvicorn.run("api.app:create_app", factory=True, workers=workers, **common)
    finally:
        if opened.started_embedded is not None:
            opened.started_embedded.stop()
    return 0


def cmd_db(settings: Settings, args: argparse.Namespace) -> int:
    if describe_url(settings.graph_url) != "embedded":
        print(f"JCM_GRAPH_URL is set ({settings.graph_url}): no embedded database to manage.")
        return 2
    embedded = EmbeddedFalkorDB(settings.data_dir, fsync=settings.embedded_fsync)
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
        if status.answering:
            state, code = f"running (pid {status.pid})", 0
        elif status.running:
            # LSB's "status unknown": alive, but whether it will answer cannot be told.
            state, code = (
                f"running (pid {status.pid}) but not answering: busy (loading its log, a long "
                "write) or hung; wait for it, or stop it with `jcm db stop`",
                4,
            )
        else:
            state, code = "stopped", 3
        print(
            f"{state}\n  data dir: {status.data_dir}\n  socket:   {status.socket}\n"
            f"  log:      {status.log_file}"
        )
        return code
    return 0


async def with_store(settings: Settings, work: Callable[[GraphStore], Awaitable[T]]) -> T:
    """Run `work` on the configured store, starting the embedded database if needed (and
    stopping it afterwards only if this command started it)."""
    opened = open_store(settings.store_config())
    try:
        return await work(opened.store)
    finally:
        await opened.close()


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    created = asyncio.run(with_store(settings, lambda store: store.migrate()))
    print(f"created {len(created)}: " + ", ".join(created) if created else "schema up to date")
    return 0


def cmd_seed(settings: Settings, args: argparse.Namespace) -> int:
    async def run(store: GraphStore) -> WriteSummary:
        await store.migrate()
        if args.reset:
            await store.write("delete_all")
        if args.dump:
            from seed.dump_loader import read_dump, read_history, write_history

            summary = await write_payload(store, read_dump(args.dump), progress=True)
            restored = await write_history(store, read_history(args.dump))
            print(f"restored {restored} audit events")
            return summary
        payload = build_reference_graph(read_seed(args.data or DATA_DIR))
        if args.synthetic:
            # The real taxonomy first: synthetic projects link to its countries and technologies.
            await write_payload(store, payload)
            return await load_synthetic(store, args.synthetic, args.random_seed)
        return await write_payload(store, payload, progress=True)

    try:
        summary = asyncio.run(with_store(settings, run))
    except SeedError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    what = f"synthetic data ({args.synthetic} projects)" if args.synthetic else "JCM seed data"
    print(f"loaded the {what}:")
    print("\n".join(summary.lines()))
    return 0


async def load_synthetic(store: GraphStore, projects: int, seed: int) -> WriteSummary:
    """Generated and written a part at a time, so memory stays flat whatever the size; one
    progress line per part on stderr. A child process generates the next part while the
    database writes the current one."""
    from seed.fresh_ledger import ledger_is_new
    from seed.synthetic_process import cycle_collection_paused, synthetic_parts

    summary = WriteSummary()
    started = time.monotonic()
    with cycle_collection_paused() as collect_young:
        async for done, part in synthetic_parts(projects, seed):
            new_ledger = await ledger_is_new(store, part)
            summary.add(await write_payload(store, part, new_ledger=new_ledger))
            collect_young()
            blocks = summary.created.get("CreditBlock", 0) + summary.updated.get("CreditBlock", 0)
            print(
                f"synthetic: {done}/{projects} projects, {blocks} credit blocks, "
                f"{time.monotonic() - started:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    summary.seconds = time.monotonic() - started
    return summary


def cmd_import(settings: Settings, args: argparse.Namespace) -> int:
    from cypher.external_formats import parse_records
    from cypher.external_records import import_records
    from cypher.ledger_ops import LedgerRefusal, Provenance

    fmt = args.format or ("json" if args.file.suffix.lower() == ".json" else "csv")

    async def run(store: GraphStore) -> int:
        await store.migrate()
        countries = {r["code"] for r in await store.read("country_codes")}
        parsed = parse_records(
            args.file.read_text("utf-8"),
            preset=args.preset,
            fmt=fmt,
            countries=countries,
            default_quality=args.data_quality,
        )
        for problem in parsed.problems:
            print(problem, file=sys.stderr)
        if parsed.problems and not args.skip_invalid:
            print(
                f"{len(parsed.problems)} problem(s); nothing was written "
                "(--skip-invalid imports the valid rows).",
                file=sys.stderr,
            )
            return 1
        who = Provenance(actor=f"cli:{args.file.name}", data_quality=args.data_quality)
        try:
            summary = await import_records(
                store, registry=args.registry, rows=[r for _, r in parsed.rows], provenance=who
            )
        except LedgerRefusal as exc:
            print(exc.message, file=sys.stderr)
            return 1
        print(
            f"{summary.records} records: {len(summary.created)} created, "
            f"{len(summary.updated)} updated, {summary.unchanged} unchanged"
        )
        if parsed.problems:
            print(f"skipped {len(parsed.problems)} invalid row(s), listed above")
        for record, project, confidence in summary.links:
            print(f"  {record} -> {project} (confidence {confidence:.2f}, unconfirmed)")
        return 0

    try:
        return asyncio.run(with_store(settings, run))
    except ValueError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1


CADT_SHEETS = ("projects", "locations", "units")


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    from cypher.cadt_export import as_csv, as_json
    from cypher.export import dump_json

    streams = {
        "json": dump_json,
        "backup": partial(dump_json, backup=True),
        "cadt-v2-provenance": as_csv("provenance"),
        **{f"cadt-v2-{sheet}": as_csv(sheet) for sheet in CADT_SHEETS},
        **{f"cadt-v2-{sheet}-json": as_json(sheet) for sheet in CADT_SHEETS},
    }

    async def run(store: GraphStore) -> int:
        with args.file.open("w", encoding="utf-8") as out:
            async for chunk in streams[args.what](store):
                out.write(chunk)
        return 0

    asyncio.run(with_store(settings, run))
    print(f"wrote {args.file}")
    return 0


def cmd_validate_cadt(settings: Settings, args: argparse.Namespace) -> int:
    from cypher.cadt_v2 import FormatError, check_file

    try:
        kind, count, problems = check_file(args.file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, FormatError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 2
    for problem in problems[: args.max_problems]:
        print(f"{args.file}: {problem}")
    if len(problems) > args.max_problems:
        print(f"... and {len(problems) - args.max_problems} more")
    verdict = "valid" if not problems else f"{len(problems)} problem(s)"
    print(f"{args.file}: CAD Trust v2 {kind}, {count} record(s): {verdict}")
    return 1 if problems else 0


def cmd_token(settings: Settings, args: argparse.Namespace) -> int:
    from api.auth import create_token

    try:
        token, entry = create_token(args.name, args.role)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"token (shown once; give it to {args.name}):\n  {token}\n")
    print("add this entry to the JSON list in JCM_TOKENS:")
    print(f"  {entry}")
    print(f"e.g. JCM_TOKENS='[{entry}]'")
    return 0


def cmd_schema(settings: Settings, args: argparse.Namespace) -> int:
    from schema.root import sdl

    sys.stdout.write(sdl())
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="jcm", description="JCM Graph: the API and its database.")
    sub = root.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the GraphQL API")
    serve.add_argument("--host", help="listen address (default JCM_HOST)")
    serve.add_argument("--port", type=int, help="listen port (default JCM_PORT)")
    serve.add_argument("--seed-if-empty", action="store_true", help="load the JCM data if empty")
    serve.add_argument(
        "--workers", type=int, help="worker processes (default JCM_WORKERS: one per core)"
    )
    serve.set_defaults(run=cmd_serve)
    db = sub.add_parser("db", help="manage the embedded FalkorDB")
    db.add_argument("action", choices=["start", "stop", "status"])
    db.set_defaults(run=cmd_db)
    migrate = sub.add_parser("migrate", help="create missing constraints and indexes")
    migrate.set_defaults(run=cmd_migrate)
    seed = sub.add_parser("seed", help="load the JCM seed data (idempotent) or synthetic data")
    seed.add_argument("--data", type=Path, help="seed directory (default: the bundled data)")
    seed.add_argument("--synthetic", type=int, metavar="N", help="load N synthetic projects")
    seed.add_argument("--random-seed", type=int, default=1, help="synthetic generator seed")
    seed.add_argument("--reset", action="store_true", help="delete the whole graph first")
    seed.add_argument("--dump", type=Path, help="load a JSON dump made by `jcm export json`")
    seed.set_defaults(run=cmd_seed)
    imp = sub.add_parser("import", help="import external project records (CSV or JSON)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--registry", required=True, help="external registry id, e.g. T-VER")
    imp.add_argument("--preset", default="generic", choices=["generic", "cadt-v1", "cadt-v2"])
    imp.add_argument("--format", choices=["csv", "json"], help="default: from the file name")
    imp.add_argument(
        "--data-quality", default="SECONDARY", choices=["OFFICIAL", "SECONDARY", "ILLUSTRATIVE"]
    )
    imp.add_argument("--skip-invalid", action="store_true", help="import the valid rows")
    imp.set_defaults(run=cmd_import)
    export = sub.add_parser("export", help="export the graph (JSON dump) or CAD Trust v2 files")
    export.add_argument(
        "what",
        choices=[
            "json",
            "backup",
            "cadt-v2-provenance",
            *(f"cadt-v2-{sheet}{ext}" for sheet in CADT_SHEETS for ext in ("", "-json")),
        ],
        help="backup: the JSON dump plus the stored idempotency keys; cadt-v2-SHEET: the v2 "
        "import template's CSV, cadt-v2-SHEET-json: v2 records as JSON",
    )
    export.add_argument("file", type=Path)
    export.set_defaults(run=cmd_export)
    validate = sub.add_parser(
        "validate-cadt", help="check a CAD Trust v2 file (CSV or JSON) against the v2 rules"
    )
    validate.add_argument("file", type=Path)
    validate.add_argument("--max-problems", type=int, default=50, help="problems to print")
    validate.set_defaults(run=cmd_validate_cadt)
    token = sub.add_parser("token", help="create a bearer token for writes")
    token.add_argument("action", choices=["create"])
    token.add_argument(
        "--role", action="append", required=True, help="registry:write or admin (repeatable)"
    )
    token.add_argument("--name", required=True, help="who holds it (the audit log's actor)")
    token.set_defaults(run=cmd_token)
    schema = sub.add_parser("schema", help="print the GraphQL schema (SDL)")
    schema.set_defaults(run=cmd_schema)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(Settings(), args)


if __name__ == "__main__":
    sys.exit(main())
