"""The GraphQL over HTTP specification's audits (npm `graphql-http`, pinned in package.json)
against the real server: no MUST and no SHOULD fails."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from cypher.embedded import EmbeddedFalkorDB
from tests.api.test_uvicorn_server import jcm_serve

AUDIT = Path(__file__).with_name("graphql_http_audit.mjs")


def test_the_server_passes_every_graphql_over_http_audit(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> None:
    node = shutil.which("node")
    assert node, "node is needed for the graphql-http audit (see README)"
    with jcm_serve(embedded, graph_name, workers="1") as (base, _):
        done = subprocess.run(
            [node, str(AUDIT), f"{base}/graphql"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=Path(__file__).parents[2],
        )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert len(results) > 30
    failed = [f"{r['status']}: {r['name']} ({r['reason']})" for r in results if r["status"] != "ok"]
    assert not failed, "\n".join(failed)
