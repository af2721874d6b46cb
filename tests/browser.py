"""A headless Debian Chromium driven by Playwright, for tests that look at pages as a user
does: console errors and any request that would leave the machine are recorded."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium calls Google's hosts at start.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Watch:
    """What a page did that a test may want to refuse."""

    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)


@contextmanager
def browser_page(base: str, width: int = 1280, height: int = 900) -> Iterator[tuple[Page, Watch]]:
    """A fresh page of a fresh browser; requests to anywhere but `base` are blocked and
    recorded."""
    watch = Watch()

    def only_local(route: Route) -> None:
        if route.request.url.startswith((base, "data:", "blob:")):
            route.continue_()
        else:
            watch.external_requests.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            context.route("**/*", only_local)
            page = context.new_page()
            page.on(
                "console",
                lambda m: watch.console_errors.append(m.text) if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: watch.console_errors.append(str(e)))
            yield page, watch
        finally:
            browser.close()
