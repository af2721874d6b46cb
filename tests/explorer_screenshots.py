"""Takes the README's screenshots of the explorer from a running server.

.venv/bin/python -m tests.explorer_screenshots http://127.0.0.1:8000 api/explorer/screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.browser import browser_page

SHOTS = {
    "provenance.png": "/explore/trace/TH-X-TH-01-2025-1-000065",
    "project.png": "/explore/project/TH014",
}


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with browser_page(base) as (page, _):
        for name, view in SHOTS.items():
            page.goto(base + view)
            page.locator("main h1").wait_for()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)  # the force layout settles
            page.screenshot(path=str(out / name))
            print(f"wrote {out / name}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
