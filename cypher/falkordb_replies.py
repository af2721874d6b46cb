"""FalkorDB's compact replies (`GRAPH.QUERY … --compact`) read into rows of plain Python values.

The `falkordb` client reads every value of a reply with a coroutine of its own (an `await` per
string, per integer, per map entry) and builds a result object around them; the store then
walked the values a second time to make them plain. A `traceCredit` reply holds about 120
values. Here one synchronous pass gives the rows, as dicts of plain values, directly.

The format (https://docs.falkordb.com/design/client_spec.html): a reply is
`[header, records, statistics]`, or `[statistics]` for a statement that returns nothing; the
header is a list of `[column type, name]`; each record a list of cells; each cell
`[value type, value]`, where arrays hold cells and maps alternate keys and cells. A run-time
error comes as the reply's last element.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from redis.exceptions import ResponseError

from cypher.errors import StoreError
from cypher.store import Row

# Value types of a cell (FalkorDB's client specification).
NULL, STRING, INTEGER, BOOLEAN, DOUBLE, ARRAY = 1, 2, 3, 4, 5, 6
EDGE, NODE, PATH, MAP, POINT, VECTORF32 = 7, 8, 9, 10, 11, 12
DATETIME, DATE, TIME, DURATION = 13, 14, 15, 16
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_GRAPH_ENTITIES = frozenset({EDGE, NODE, PATH})


def reply_rows(reply: list[Any]) -> list[Row]:
    """The rows of a compact reply, each a dict of its columns; raises the reply's error."""
    if reply and isinstance(reply[-1], ResponseError):
        raise reply[-1]
    if reply and isinstance(reply[0], ResponseError):
        raise reply[0]
    if len(reply) < 3 or not reply[0]:
        return []  # statistics only: a statement that returns nothing
    columns = [column[1] for column in reply[0]]
    return [dict(zip(columns, map(cell_value, record), strict=True)) for record in reply[1]]


def cell_value(cell: list[Any]) -> Any:
    """One cell's value as plain Python: str, int, float, bool, None, list, dict, or a date,
    datetime or time; a point as {latitude, longitude}. No query returns a duration or a graph
    entity: they are refused, so that one returned by mistake is not read wrongly."""
    kind, raw = cell
    # The commonest types first.
    if kind in (STRING, INTEGER):
        return raw  # already a str or an int as redis-py reads the reply
    if kind == NULL:
        return None
    if kind == MAP:
        return {raw[i]: cell_value(raw[i + 1]) for i in range(0, len(raw), 2)}
    if kind == ARRAY:
        return [cell_value(item) for item in raw]
    if kind == BOOLEAN:
        return raw == "true"
    if kind == DOUBLE:
        return float(raw)
    if kind == DATE:
        return (_EPOCH + dt.timedelta(seconds=raw)).date()
    if kind == DATETIME:
        return _EPOCH + dt.timedelta(seconds=raw)
    if kind == TIME:
        return (_EPOCH + dt.timedelta(seconds=raw)).time()
    if kind == POINT:
        return {"latitude": float(raw[0]), "longitude": float(raw[1])}
    if kind == VECTORF32:
        return [float(v) for v in raw]
    if kind in _GRAPH_ENTITIES:
        raise StoreError("queries must return maps (n {.*}), not nodes or relationships")
    if kind == DURATION:
        raise StoreError("queries must return a duration as a string (toString), not a duration")
    raise StoreError(f"FalkorDB answered a value of unknown type {kind}")
