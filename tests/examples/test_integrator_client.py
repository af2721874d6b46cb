"""The integrator's example client (examples/integrator_client.py, Python `gql`) works against
the real server: it pages every project, downloads the CAD Trust files and follows the feed."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import httpx

from cypher.embedded import EmbeddedFalkorDB
from seed.seed_files import read_seed
from tests.api.test_uvicorn_server import jcm_serve
from tests.conftest import WRITER_TOKEN, token_entries
from tests.schema.test_registry_mutations import TRANSFER

EXAMPLE = Path(__file__).parents[2] / "examples" / "integrator_client.py"


def test_the_example_client_pages_exports_and_follows_the_feed(
    embedded: EmbeddedFalkorDB, graph_name: str, tmp_path: Path
) -> None:
    tokens = json.dumps(token_entries())
    with jcm_serve(embedded, graph_name, "--seed-if-empty", tokens=tokens, workers="1") as (
        base,
        _,
    ):
        for to, source in [
            ("JP-GOJ-HOLDING", "JP-MAYEKAWA-HOLDING"),
            ("JP-MAYEKAWA-HOLDING", "JP-GOJ-HOLDING"),
        ]:
            body = httpx.post(
                f"{base}/graphql",
                json={
                    "query": TRANSFER,
                    "variables": {"to": to, "input": {"fromAccount": source, "quantity": 1}},
                },
                headers={"Authorization": f"Bearer {WRITER_TOKEN}"},
                timeout=30,
            ).json()
            assert "errors" not in body, body
        done = subprocess.run(
            [
                sys.executable,
                str(EXAMPLE),
                "--url",
                base,
                "--out",
                str(tmp_path),
                "--events",
                "2",
                "--seconds",
                "30",
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[0]["projects"] == len(read_seed()["projects.json"])
    for name in ("projects", "locations", "units", "provenance"):
        with (tmp_path / f"cadt-v2-{name}.csv").open() as file:
            assert next(csv.reader(file))  # a header, then the rows
    assert lines[2]["events"] == [1, 2]
