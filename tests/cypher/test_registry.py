"""The named queries (cypher/registry.py): one file per name, a dialect's variant ahead of the
plain file, and no name defined twice across the directories a store reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from cypher.errors import QueryNotFound
from cypher.registry import QUERIES_DIR, QueryRegistry
from tests.conftest import TEST_QUERIES


def write_query(directory: Path, file_name: str, text: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / file_name).write_text(f"// header\n{text}\n", "utf-8")


def test_a_dialect_variant_is_served_ahead_of_the_plain_file(tmp_path: Path) -> None:
    write_query(tmp_path, "answer.cypher", "RETURN 1 AS n")
    write_query(tmp_path, "answer.neo4j.cypher", "RETURN 2 AS n")
    assert QueryRegistry("neo4j", (tmp_path,)).get("answer").text == "RETURN 2 AS n"
    assert QueryRegistry("falkordb", (tmp_path,)).get("answer").text == "RETURN 1 AS n"


def test_a_query_defined_in_two_directories_is_refused(tmp_path: Path) -> None:
    write_query(tmp_path / "api", "answer.cypher", "RETURN 1 AS n")
    write_query(tmp_path / "extra", "answer.cypher", "RETURN 2 AS n")
    with pytest.raises(ValueError, match="'answer' is defined twice"):
        QueryRegistry("neo4j", (tmp_path / "api", tmp_path / "extra"))


def test_the_tests_extra_queries_replace_none_of_the_apis() -> None:
    api = QueryRegistry("neo4j")
    both = QueryRegistry("neo4j", (QUERIES_DIR, TEST_QUERIES))
    for name in api.names():
        assert both.get(name).text == api.get(name).text, name


def test_an_unknown_name_is_named_in_the_error() -> None:
    with pytest.raises(QueryNotFound) as caught:
        QueryRegistry("neo4j").get("no_such_query")
    assert "no_such_query" in str(caught.value)
