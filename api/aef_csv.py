"""CSV downloads of the Article 6.2 AEF tables: /aef/{party}/{year}/{table}.csv"""

from __future__ import annotations

import csv
import io

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from cypher.holdings import aef_tables

TABLES = ("authorizations", "actions", "holdings")


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
    rows = (await aef_tables(request.app.state.store, party, year))[table]
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    filename = f"aef-{party}-{year}-{table}.csv"
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
