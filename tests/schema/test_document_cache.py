"""What is worked out once per query text (schema/document_cache.py): kept, bounded, and never
kept when it cannot be keyed or could not be made."""

from __future__ import annotations

import datetime as dt

import pytest

from schema.document_cache import DocumentCache, variables_key


def test_a_kept_value_is_answered_without_making_it_again() -> None:
    cache: DocumentCache[str] = DocumentCache()
    made: list[str] = []
    for _ in range(3):
        assert cache.get_or_make("q", lambda: made.append("q") or "plan") == "plan"
    assert made == ["q"]


def test_the_least_recently_used_entry_goes_first() -> None:
    cache: DocumentCache[str] = DocumentCache(size=2)
    made: list[str] = []

    def ask(key: str) -> str:
        return cache.get_or_make(key, lambda: made.append(key) or key.upper())

    for key in ("a", "b", "a", "c"):  # "b" is the least recently used when "c" comes
        ask(key)
    ask("a")  # still kept
    ask("b")  # made again
    assert made == ["a", "b", "c", "b"]


def test_a_none_key_is_never_kept() -> None:
    cache: DocumentCache[int] = DocumentCache()
    made: list[int] = []
    for i in range(2):
        assert cache.get_or_make(None, lambda i=i: made.append(i) or i) == i
    assert made == [0, 1]


def test_what_make_raises_is_not_kept() -> None:
    cache: DocumentCache[str] = DocumentCache()

    def refuse() -> str:
        raise ValueError("not now")

    with pytest.raises(ValueError, match="not now"):
        cache.get_or_make("q", refuse)
    assert cache.get_or_make("q", lambda: "later") == "later"


def test_variables_are_keyed_whatever_the_order_of_their_names() -> None:
    assert variables_key({"a": 1, "b": [2]}) == variables_key({"b": [2], "a": 1})
    assert variables_key({"a": 1}) != variables_key({"a": 2})
    assert variables_key({"on": dt.date(2025, 1, 1)}) is not None


def test_variables_that_cannot_be_encoded_have_no_key() -> None:
    assert variables_key({"a": object()}) is None
