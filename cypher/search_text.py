"""Turns a user's words into each database's full-text query: every word must match, the
last one as a prefix (so `solar pow` finds "Solar Power"). Only letters and digits pass, in
lower case, so no query syntax of the engines (RediSearch, Lucene: quotes, `*`, `~`, `:`, and
the operators AND, OR, NOT, which Lucene knows only in upper case) can be injected.

RediSearch leaves common English words out of its index while Neo4j's index keeps them, so
the same words are left out of the query on both: a search then finds the same titles."""

from __future__ import annotations

import re

from cypher.store import GraphStore

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_WORDS = 12
# RediSearch's default stop words (FalkorDB's full-text indexes use them).
_STOP_WORDS_TEXT = (
    "a is the an and are as at be but by for if in into it no not of on or such that their "
    "then there these they this to was will with"
)
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def words(text: str) -> list[str]:
    found = [w.lower() for w in WORD.findall(text)]
    return [w for w in found if w not in STOP_WORDS][:MAX_WORDS]


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
    return await store.read_many(
        "search_text",
        {"text": engine_query(store.dialect, terms), "phrase": " ".join(terms), "first": first},
    )
