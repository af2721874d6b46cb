"""schema.graphql at the top of the repository is the schema the API serves."""

from __future__ import annotations

from pathlib import Path

from schema.root import sdl

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


def test_exported_sdl_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text() == sdl(), (
        "schema.graphql is stale: run `.venv/bin/jcm schema > schema.graphql`"
    )
