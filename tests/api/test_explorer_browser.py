"""The explorer in a real browser (Debian's Chromium): every view loads offline with no console
error; search leads to a project, its serial to a provenance graph with as many nodes as the
API's trace has; the Sankey carries what creditFlows says; deep links open the same views."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from cypher.embedded import EmbeddedFalkorDB
from tests.api.test_uvicorn_server import jcm_serve
from tests.browser import browser_page
from tests.conftest import READER_TOKEN, start_empty, token_entries

VIEWS = [
    "/explore",
    "/explore/project/TH014",
    "/explore/trace/TH-X-TH-01-2025-1-000065",
    "/explore/flows",
    "/explore/overview",
    "/explore/organization/nippon-koei",
    "/explore/methodology/TH_AM001",
]
TRACE = """query($s: String!) { traceCredit(serial: $s) { lineage { key } history { seq }
  holder { key } project { ref } issuance { key } seriesInfo { key } authorizations { key } } }"""
FLOWS = """{ creditFlows(groupBy: ORGANIZATION) { links { source target quantity } } }"""


@pytest.fixture(scope="module")
def server(embedded: EmbeddedFalkorDB) -> Iterator[str]:
    """One seeded server for the module's tests, which only read."""
    name = f"explorer_{uuid.uuid4().hex[:8]}"
    asyncio.run(start_empty(embedded, name))
    with jcm_serve(embedded, name, "--seed-if-empty", workers="1") as (base, _):
        yield base


def api(base: str, query: str, **variables: object) -> dict:
    body = httpx.post(f"{base}/graphql", json={"query": query, "variables": variables}, timeout=30)
    return body.json()["data"]


def expected_nodes(base: str, serial: str) -> int:
    t = api(base, TRACE, s=serial)["traceCredit"]
    ends = [t["project"], t["issuance"], t["seriesInfo"], t["holder"]]
    return (
        sum(x is not None for x in ends)
        + len(t["lineage"])
        + len(t["history"])
        + len(t["authorizations"])
    )


def search_from_home(page: Any, server: str, text: str) -> None:
    """Open the explorer's home page and search for `text`, as a visitor would."""
    page.goto(server + "/explore")
    page.get_by_label("Search", exact=True).fill(text)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_loads_offline_without_console_errors(server: str, view: str) -> None:
    with browser_page(server) as (page, watch):
        page.goto(server + view)
        page.locator("main h1").wait_for()
        page.wait_for_load_state("networkidle")
        assert page.locator("main .error").count() == 0
        assert watch.external_requests == []
        assert watch.console_errors == []


def test_search_leads_to_a_project_and_its_serial_to_the_provenance_graph(server: str) -> None:
    with browser_page(server) as (page, watch):
        search_from_home(page, server, "floating solar reservoir")
        page.get_by_role("link", name="TH014").first.click()
        page.locator("main h1", has_text="TH014").wait_for()
        page.get_by_role("link", name="JP-TH014-2021-1 (JP, 1009 units)").click()
        graph = page.locator("#provenance-graph")
        graph.wait_for()
        assert page.url.endswith("/explore/trace/JP-TH014-2021-1-000001")
        count = int(graph.get_attribute("data-node-count"))
        assert count == expected_nodes(server, "JP-TH014-2021-1-000001")
        assert page.locator("button.node-row").count() == count
        page.locator("button.node-row").first.click()
        assert "project" in page.locator("#node-details h2").inner_text()
        assert watch.console_errors == []


def test_a_search_hit_for_an_organization_opens_its_page(server: str) -> None:
    with browser_page(server) as (page, watch):
        search_from_home(page, server, "Nippon Koei")
        page.get_by_role("link", name="nippon-koei").click()
        page.locator("main h1", has_text="Nippon Koei").wait_for()
        assert page.url.endswith("/explore/organization/nippon-koei")
        page.get_by_role("link", name="BD001").click()
        page.locator("main h1", has_text="BD001").wait_for()
        assert watch.console_errors == []


def test_a_deep_link_opens_the_same_provenance_view(server: str) -> None:
    serial = "JP-X-ID-02-2016-1-000028"
    with browser_page(server) as (page, _):
        page.goto(f"{server}/explore/trace/{serial}")
        graph = page.locator("#provenance-graph")
        graph.wait_for()
        assert page.locator("main h1").inner_text() == f"Provenance of {serial}"
        assert int(graph.get_attribute("data-node-count")) == expected_nodes(server, serial)
        page.get_by_role("link", name="Project ID002").click()
        page.locator("main h1", has_text="ID002").wait_for()
        assert page.url.endswith("/explore/project/ID002")
        page.go_back()
        page.locator("main h1", has_text="Provenance").wait_for()


def test_the_sankey_carries_what_credit_flows_says(server: str) -> None:
    links = api(server, FLOWS)["creditFlows"]["links"]
    expected = sum(link["quantity"] for link in links if link["source"] != link["target"])
    with browser_page(server) as (page, _):
        page.goto(server + "/explore/flows")
        sankey = page.locator("#sankey[data-link-sum]")
        sankey.wait_for()
        assert int(sankey.get_attribute("data-link-sum")) == expected


def test_controls_are_labelled_and_the_page_fits_a_phone(server: str) -> None:
    with browser_page(server, width=390, height=844) as (page, _):
        for view in ("/explore", "/explore/flows"):
            page.goto(server + view)
            page.locator("main h1").wait_for()
            page.wait_for_load_state("networkidle")
            unlabelled = page.evaluate(
                """[...document.querySelectorAll('input, select')]
                   .filter(c => !c.labels || c.labels.length === 0).map(c => c.id)"""
            )
            assert unlabelled == []
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_an_api_that_needs_a_token_to_read_is_read_with_the_one_entered(
    embedded: EmbeddedFalkorDB,
) -> None:
    name = f"explorer_token_{uuid.uuid4().hex[:8]}"
    asyncio.run(start_empty(embedded, name))
    tokens = json.dumps(token_entries())
    with (
        jcm_serve(
            embedded,
            name,
            "--seed-if-empty",
            workers="1",
            tokens=tokens,
            reads_require_token="true",
        ) as (base, _),
        browser_page(base) as (page, _),
    ):
        page.goto(base + "/explore")
        page.get_by_role("alert").wait_for()
        assert "needs a token" in page.get_by_role("alert").inner_text()
        page.get_by_text("API token", exact=True).click()
        page.get_by_label("Bearer token", exact=False).fill(READER_TOKEN)
        page.get_by_role("button", name="Save").click()
        page.locator("#project-list table").wait_for()
        assert page.locator("main .error").count() == 0
