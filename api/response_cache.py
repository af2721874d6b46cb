"""A cache of GraphQL query responses that is never stale.

An entry is keyed by the graph's version (cypher/store.py moves it on with every write, and
a write returns only after that), the caller's kind (anonymous, or a token's roles: budgets and
access differ), the media type, the UTC day (some answers depend on today), the document, the
variables and the operation name. Every request reads the version from the database (one
small query, shared by the requests that ask together: api/version_reads.py), so a read that
starts after a write has returned never gets an older answer, whichever API process served
the write. Only answers without errors are kept; mutations and
subscriptions never are. Each process keeps its own entries, least recently used out first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import OrderedDict
from typing import Any

from schema.context import Principal

# Any operation that might not be a query is left alone (a cautious test on the text).
_NOT_A_QUERY = re.compile(r"\b(mutation|subscription)\b")


class ResponseCache:
    def __init__(self, max_entries: int = 4096, max_entry_bytes: int = 2_000_000) -> None:
        self.max_entries = max_entries
        self.max_entry_bytes = max_entry_bytes
        self._entries: OrderedDict[str, bytes] = OrderedDict()

    def get(self, key: str) -> bytes | None:
        body = self._entries.get(key)
        if body is not None:
            self._entries.move_to_end(key)
        return body

    def put(self, key: str, body: bytes) -> None:
        if len(body) > self.max_entry_bytes:
            return
        self._entries[key] = body
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


def cacheable(fields: dict[str, Any]) -> bool:
    query = fields.get("query")
    return isinstance(query, str) and not _NOT_A_QUERY.search(query)


def caller_kind(principal: Principal | None) -> str:
    if principal is None:
        return "anonymous"
    if principal.name is None:
        return "invalid-token"
    return "token:" + ",".join(sorted(principal.roles))


def cache_key(
    version: str, caller: str, media: str, fields: dict[str, Any], today: dt.date | None = None
) -> str:
    """The entry of a request; `today` (UTC) defaults to the clock's."""
    parts = [
        version,
        caller,
        media,
        (today or dt.datetime.now(dt.UTC).date()).isoformat(),
        fields.get("query") or "",
        json.dumps(fields.get("variables") or {}, sort_keys=True, separators=(",", ":")),
        fields.get("operationName") or "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
