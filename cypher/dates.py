"""Dates as the graph holds them, and as queries compare them.

FalkorDB compares two dates wrongly when they lie more than about 68 years apart (2^31
seconds). So every date the ledger stores lies in [DATE_MIN, DATE_MAX], a window of 68 years
less a few days (writes outside it are refused with the window in the message), and a date a
read compares against is clamped into that window first: since nothing stored lies outside
it, the clamped date selects exactly what the original would, on both stores.
"""

from __future__ import annotations

import datetime as dt

DATE_MIN = dt.date(1990, 1, 1)
DATE_MAX = dt.date(2057, 12, 31)


def query_date(value: dt.date | None) -> str | None:
    """A date to compare stored dates with, as the ISO text queries turn into date()."""
    if not value:  # None, or an argument left unset
        return None
    return min(max(value, DATE_MIN), DATE_MAX).isoformat()


def storable(value: dt.date) -> bool:
    return DATE_MIN <= value <= DATE_MAX
