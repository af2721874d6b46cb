"""Loads the named queries in `cypher/queries/`, one query per `.cypher` file.

A file `name.cypher` serves every database; `name.neo4j.cypher` / `name.falkordb.cypher`
are dialect variants, picked for the store's dialect ahead of the plain file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cypher.errors import QueryNotFound

QUERIES_DIR = Path(__file__).parent / "queries"
DIALECTS = ("neo4j", "falkordb")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    path: Path


def split_name(path: Path) -> tuple[str, str | None]:
    """`a.neo4j.cypher` -> ("a", "neo4j"); `a.cypher` -> ("a", None)."""
    stem = path.name.removesuffix(".cypher")
    base, _, dialect = stem.rpartition(".")
    if base and dialect in DIALECTS:
        return base, dialect
    return stem, None


def strip_header(text: str) -> str:
    """Drop the leading `//` comment block: it documents the file, the database needn't parse it."""
    lines = text.strip().splitlines()
    while lines and (not lines[0].strip() or lines[0].lstrip().startswith("//")):
        lines.pop(0)
    return "\n".join(lines).strip()


class QueryRegistry:
    def __init__(self, dialect: str, directories: tuple[Path, ...] = (QUERIES_DIR,)) -> None:
        if dialect not in DIALECTS:
            raise ValueError(f"unknown dialect {dialect!r}; expected one of {DIALECTS}")
        self.dialect = dialect
        self._queries: dict[str, NamedQuery] = {}
        generic: dict[str, Path] = {}
        specific: dict[str, Path] = {}
        paths = sorted(path for directory in directories for path in directory.glob("*.cypher"))
        for path in paths:
            name, file_dialect = split_name(path)
            chosen = generic if file_dialect is None else specific
            if file_dialect not in (None, dialect):
                continue
            if name in chosen:
                # A second directory (the tests' extra queries) must not quietly replace a
                # query the API serves: the API's callers would run the other text.
                raise ValueError(f"query {name!r} is defined twice: {chosen[name]} and {path}")
            chosen[name] = path
        for name, path in {**generic, **specific}.items():
            self._queries[name] = NamedQuery(name, strip_header(path.read_text("utf-8")), path)

    def get(self, name: str) -> NamedQuery:
        try:
            return self._queries[name]
        except KeyError:
            raise QueryNotFound("no such named query", query=name) from None

    def names(self) -> list[str]:
        return sorted(self._queries)
