"""Errors raised by the store port. Adapters translate their driver's exceptions into these,
so code above the port never sees a driver type."""


class StoreError(Exception):
    """A query failed. `query` names the named query (never its text)."""

    def __init__(self, message: str, *, query: str | None = None) -> None:
        self.query = query
        self.detail = message
        super().__init__(f"{query}: {message}" if query else message)


class QueryNotFound(StoreError):
    """No `.cypher` file carries that name."""


class QueryTimeout(StoreError):
    """The database stopped the query at the configured time limit."""


class ConstraintViolation(StoreError):
    """A uniqueness constraint refused the write."""


class StoreUnavailable(StoreError):
    """The database cannot be reached."""


class InvalidText(StoreError):
    """A text parameter holds what no database stores faithfully (NUL, unpaired surrogates)."""
