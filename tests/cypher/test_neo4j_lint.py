"""Every Cypher text the project sends to Neo4j passes Neo4j's own linter (Cypher 5, no
plugins), and the portable files avoid what FalkorDB lacks (DESIGN §3)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cypher import migrations
from cypher.registry import QUERIES_DIR, split_name
from tests.conftest import TEST_QUERIES

LINTER = Path(__file__).parent / "lint_cypher.mjs"
CANARY = {"name": "canary", "text": "MATCH (n) RETURN m, nosuchfunction(n) AS x"}
# Things that run on Neo4j but not on FalkorDB, so a portable file must not use them.
NOT_PORTABLE = {
    r"\bdatetime\s*\(": "datetime() (store dates with date(), instants as timestamp())",
    r"\belementId\s*\(": "elementId() (use the node's own key)",
    r"(?<![.\w])id\s*\(": "id() (use the node's own key)",
    r"\bEXISTS\s*\{": "EXISTS { } subqueries (use a pattern comprehension)",
    r"\bCOUNT\s*\{": "COUNT { } subqueries (use size() of a pattern comprehension)",
    r"\bapoc\.": "APOC",
}


BENCH_QUERIES = Path(__file__).parents[1] / "benchmarks" / "queries"


def cypher_files() -> list[Path]:
    return sorted(
        [
            *QUERIES_DIR.glob("*.cypher"),
            *TEST_QUERIES.glob("*.cypher"),
            *BENCH_QUERIES.glob("*.cypher"),
        ]
    )


def expects_error(text: str) -> bool:
    """A test file that is broken on purpose says `lint: expect-error` in its header."""
    return "lint: expect-error" in text


def neo4j_texts() -> list[dict[str, str]]:
    texts = [
        {"name": str(path.relative_to(QUERIES_DIR.parent.parent)), "text": path.read_text()}
        for path in cypher_files()
        if split_name(path)[1] != "falkordb"
    ]
    texts += [
        {"name": f"migration: {statement}", "text": statement}
        for _, statement in migrations.neo4j_statements()
    ]
    return texts


def lint(texts: list[dict[str, str]]) -> list[dict]:
    node = shutil.which("node")
    assert node, "node is needed for the Neo4j Cypher linter (see README)"
    done = subprocess.run(
        [node, str(LINTER)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_cypher_file_passes_the_neo4j_linter() -> None:
    results = lint([CANARY, *neo4j_texts()])
    canary, files = results[0], results[1:]
    # The linter can fail silently (no diagnostics at all): the canary proves it ran.
    assert {d["severity"] for d in canary["diagnostics"]} == {1}, canary
    assert len(canary["diagnostics"]) >= 2, canary
    errors = []
    texts = {t["name"]: t["text"] for t in neo4j_texts()}
    for result in files:
        if expects_error(texts[result["name"]]):
            if not any(d["severity"] == 1 for d in result["diagnostics"]):
                errors.append(f"{result['name']}: broken on purpose, yet not flagged")
            continue
        for d in result["diagnostics"]:
            line = f"{result['name']}:{d['line']}: {d['message']}"
            if d["severity"] == 1:
                errors.append(line)
            else:
                print("warning:", line)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", cypher_files(), ids=lambda p: p.name)
def test_portable_cypher_files_use_only_what_both_databases_have(path: Path) -> None:
    if split_name(path)[1] is not None:
        return  # dialect files may use their own database's features
    text = "\n".join(
        line for line in path.read_text().splitlines() if not line.lstrip().startswith("//")
    )
    found = [why for pattern, why in NOT_PORTABLE.items() if re.search(pattern, text)]
    assert not found, f"{path.name} uses {', '.join(found)}"


@pytest.mark.parametrize("path", cypher_files(), ids=lambda p: p.name)
def test_every_cypher_file_documents_its_parameters_and_columns(path: Path) -> None:
    header = [line for line in path.read_text().splitlines() if line.startswith("//")]
    text = " ".join(header).lower()
    why = f"{path.name} needs a header comment giving its parameters and result columns"
    assert header, why
    assert "parameters" in text, why
    assert "columns" in text, why


# Statements whose collect() never reaches a result: what they collect is deleted, unwound or
# counted, so its order cannot show.
INTERNAL_COLLECT = {"move_credits.cypher", "record_issuance.cypher", "project_stats.cypher"}


@pytest.mark.parametrize("path", cypher_files(), ids=lambda p: p.name)
def test_every_collected_list_has_a_defined_order(path: Path) -> None:
    """Both stores must answer the same: a list is collected only after an ORDER BY."""
    if path.name.startswith("link_") or path.name in INTERNAL_COLLECT:
        return
    text = "\n".join(
        line for line in path.read_text().splitlines() if not line.lstrip().startswith("//")
    )
    for match in re.finditer(r"\bcollect\(", text):
        if _order_cannot_show(text, match.start()):
            continue
        assert "ORDER BY" in text[: match.start()], (
            f"{path.name}: collect() at offset {match.start()} without an ORDER BY before it"
        )


def _order_cannot_show(text: str, start: int) -> bool:
    """Whether the list collected at `start` is only passed on, unwound and counted (a page
    query's `collect(b) AS listed`, sorted after its UNWIND): its order cannot show."""
    named = re.compile(r"collect\(\w+\) AS (\w+)").match(text, start)
    if not named:
        return False
    name = named[1]
    uses = re.findall(rf"[\w(]*\s*\b{name}\b(?:\s+AS)?", text[named.end() :])
    harmless = {f"WITH {name}", f"UNWIND {name} AS", f"size({name}"}
    return all(" ".join(use.split()) in harmless for use in uses)
