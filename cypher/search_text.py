"""Turns a user's words into each database's full-text query: every word must match, the
last one as a prefix (so `solar pow` finds "Solar Power"). Only letters and digits pass, so
no query syntax of the engines (RediSearch, Lucene) can be injected."""

from __future__ import annotations

import re

from cypher.store import GraphStore

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_WORDS = 12


def words(text: str) -> list[str]:
    return WORD.findall(text)[:MAX_WORDS]


def engine_query(dialect: str, terms: list[str]) -> str:
    parts = list(terms)
    if len(parts[-1]) >= 2:
        parts[-1] += "*"
    if dialect == "neo4j":
        return " ".join(f"+{p}" for p in parts)  # Lucene: + makes each word required
    return " ".join(parts)  # RediSearch: words are intersected


async def search(store: GraphStore, text: str, first: int) -> list[dict]:
    terms = words(text)
    if not terms:
        return []
    return await store.read(
        "search_text", {"text": engine_query(store.dialect, terms), "first": first}
    )
