"""The bench's load generator, run as `make bench` runs it (a process of its own) against the
real server: it counts answers, failures and round trips as the server reports them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cypher.embedded import EmbeddedFalkorDB
from tests.api.test_uvicorn_server import jcm_serve


def load(base: str, case: dict, tmp_path: Path, requests: int = 40, clients: int = 4) -> dict:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(case))
    command = [sys.executable, "-m", "tests.benchmarks.load_client", f"{base}/graphql"]
    done = subprocess.run(
        [*command, str(case_file), str(requests), str(clients)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def test_the_load_generator_measures_answers_and_counts_failed_ones(
    embedded: EmbeddedFalkorDB, graph_name: str, tmp_path: Path
) -> None:
    with jcm_serve(embedded, graph_name) as (base, _):
        good = load(base, {"query": "{ graphInfo { backend } }"}, tmp_path)
        # An answer with errors is a failed request, though its status is 200.
        bad = load(base, {"query": "{ noSuchField }"}, tmp_path, requests=10)
    assert good["failures"] == 0
    # The server's X-DB-Round-Trips, read from every answer: at least the first answer's
    # (cache hits that share another request's version read make none of their own).
    assert good["trips"] > 0
    assert 0 < good["p50"] <= good["p95"]
    assert good["rps"] > 0
    assert good["cpuSeconds"] > 0
    # Each request's latency, for the bench to pool its rounds (alternating_rounds.py).
    assert len(good["latenciesMs"]) == 40
    assert good["latenciesMs"] == sorted(good["latenciesMs"])
    assert good["elapsed"] > 0
    assert bad["failures"] == 10
    assert "noSuchField" in bad["firstFailure"]
