"""Checks on the values a write may bring into the ledger: every quantity fits what each
layer can total (GraphQL's Int is 32-bit), and every date lies in the window the graph keeps
(cypher/dates.py) and not in the future."""

from __future__ import annotations

import datetime as dt

from cypher.dates import DATE_MAX, DATE_MIN, storable
from cypher.integrity import MAX_UNITS
from schema.errors import BadUserInput


def checked_date(value: dt.date | None, field: str, *, past: bool = True) -> dt.date | None:
    """`value` if the graph may store it; `past`: not after today (UTC) either."""
    if value is None:
        return None
    if not storable(value):
        raise BadUserInput(
            f"{field} must lie between {DATE_MIN.isoformat()} and {DATE_MAX.isoformat()}",
            field=field,
        )
    today = dt.datetime.now(dt.UTC).date()
    if past and value > today + dt.timedelta(days=1):
        raise BadUserInput(f"{field} ({value.isoformat()}) lies in the future", field=field)
    return value


def checked_units(value: int | None, field: str, *, minimum: int = 1) -> int | None:
    """`value` if it is a count of units the ledger can hold (minimum to MAX_UNITS)."""
    if value is None:
        return None
    if not minimum <= value <= MAX_UNITS:
        raise BadUserInput(f"{field} must be {minimum} to {MAX_UNITS:,} units", field=field)
    return value


def checked_year(value: int, field: str) -> int:
    if not DATE_MIN.year <= value <= DATE_MAX.year:
        raise BadUserInput(
            f"{field} must be a year from {DATE_MIN.year} to {DATE_MAX.year}", field=field
        )
    return value
