"""The HTTP floor (tests/benchmarks/http_floor.py) sends each floor's rows as the store reads
them, so that what it adds to the floor is the cost of serving over HTTP alone."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson
import pytest

from tests.benchmarks.http_floor import HttpFloor, run_floor
from tests.benchmarks.read_api import COUNTRY
from tests.conftest import data, gql


@pytest.fixture
async def http_floor(seeded_client: httpx.AsyncClient) -> AsyncIterator[httpx.AsyncClient]:
    """The HTTP floor on the seeded graph the API of `seeded_client` reads."""
    app = HttpFloor(seeded_client.app.state.settings)  # type: ignore[attr-defined]
    async with app.opened():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://floor.test") as http:
            http.app = app  # type: ignore[attr-defined]
            yield http


async def floor_rows(http: httpx.AsyncClient, name: str, variables: dict[str, Any]) -> Any:
    response = await http.post(f"/floor/{name}", json={"query": "", "variables": variables})
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def test_the_http_floor_sends_the_simple_lookup_s_answer(
    seeded_client: httpx.AsyncClient, http_floor: httpx.AsyncClient
) -> None:
    api = data(await gql(seeded_client, COUNTRY, code="TH"))["country"]
    assert await floor_rows(http_floor, "floor_country", {"code": "TH"}) == [api]
    assert await floor_rows(http_floor, "floor_country", {"code": "VN"}) != [api]


@pytest.mark.parametrize(
    ("name", "variables"),
    [
        ("floor_project_neighbourhood", {"ref": "TH014"}),  # a date among its values
        ("floor_project_page", {"limit": 5}),  # many rows, read as one record where it can
        ("search", {"text": "solar project", "first": 3}),  # the store's search function
    ],
)
async def test_the_http_floor_sends_the_rows_the_floor_reads(
    http_floor: httpx.AsyncClient, name: str, variables: dict[str, Any]
) -> None:
    store = http_floor.app.store  # type: ignore[attr-defined]
    rows = await run_floor(store, name, variables)
    assert rows
    # Dates go out as text, as the API sends them.
    assert await floor_rows(http_floor, name, variables) == json.loads(
        orjson.dumps(rows, default=str)
    )


async def test_the_http_floor_answers_anything_but_a_floor_s_post_with_404(
    http_floor: httpx.AsyncClient,
) -> None:
    assert (await http_floor.get("/floor/floor_country")).status_code == 404
    assert (await http_floor.post("/graphql", json={})).status_code == 404
