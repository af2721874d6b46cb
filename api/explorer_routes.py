"""The explorer at /explore: a page for researchers (search, projects, provenance graphs,
credit flows, an overview) that reads everything through the public GraphQL API. Its files
are in api/explorer/; Apache ECharts comes from the npm package of the version package.json
pins, served from node_modules, so the page needs nothing from the internet."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response

from api.graphiql_assets import NODE_MODULES, installed_version

EXPLORER_DIR = Path(__file__).with_name("explorer")
PAGE = EXPLORER_DIR / "index.html"
# The explorer's own files, by the name the page asks for.
FILES = {p.name: p for p in EXPLORER_DIR.iterdir() if p.suffix in (".js", ".css")}
ECHARTS = ("echarts", "6.1.0", "dist/echarts.min.js")
NO_STORE = {"Cache-Control": "no-cache"}


async def explorer_page(request: Request) -> Response:
    """The same page for every view: the script routes by path, so views can be linked."""
    return FileResponse(PAGE, media_type="text/html", headers=NO_STORE)


async def explorer_asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name == "echarts.min.js":
        package, version, path = ECHARTS
        if installed_version(package) != version:
            return PlainTextResponse(f"{package} {version} is not installed", status_code=404)
        return FileResponse(NODE_MODULES / package / path, media_type="text/javascript")
    if name not in FILES:
        return PlainTextResponse("not found", status_code=404)
    media = "text/javascript" if name.endswith(".js") else "text/css"
    return FileResponse(FILES[name], media_type=media, headers=NO_STORE)
