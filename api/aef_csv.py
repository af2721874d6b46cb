"""CSV downloads of the Article 6.2 AEF tables: /aef/{party}/{year}/{table}.csv"""

from __future__ import annotations

import csv
import io

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from cypher.holdings import AEF_COLUMNS, aef_tables

TABLES = ("authorizations", "actions", "holdings")
# CAD Trust v2 prefixes every column with its table (aefT2AuthorizationsDate, …).
PREFIXES = {
    "authorizations": "aefT2Authorizations",
    "actions": "aefT3Actions",
    "holdings": "aefT4Holdings",
}
OWN_COLUMNS = ("dataQuality", "transactionId")


def csv_column(table: str, column: str) -> str:
    return column if column in OWN_COLUMNS else PREFIXES[table] + column


def _error(status: int, message: str, code: str) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status
    )


async def aef_csv(request: Request) -> Response:
    party = request.path_params["party"].upper()
    table = request.path_params["table"]
    try:
        year = int(request.path_params["year"])
    except ValueError:
        return _error(400, "year must be a number", "BAD_USER_INPUT")
    if table not in TABLES or len(party) != 2 or not party.isalpha():
        return _error(404, f"tables are {', '.join(TABLES)}; party a two-letter code", "NOT_FOUND")
    store = request.app.state.store
    if not await store.read("country_by_key", {"keys": [party]}):
        return _error(404, f"no party {party!r}: parties are ISO country codes", "NOT_FOUND")
    rows = (await aef_tables(store, party, year))[table]
    columns = AEF_COLUMNS[table]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # The header is written even for an empty table, so a file always says what it holds.
    writer.writerow([csv_column(table, c) for c in columns])
    writer.writerows([row[c] for c in columns] for row in rows)
    filename = f"aef-{party}-{year}-{table}.csv"
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
