"""GraphiQL without a CDN: the IDE page's unpkg.com URLs point at files served from the
npm packages of exactly those versions (installed by `npm ci`, see package.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response

CDN = "https://unpkg.com/"
MOUNT = "/graphiql-assets/"
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
_CDN_URL = re.compile(r"https://unpkg\.com/((?:@[\w.-]+/)?[\w.-]+)@([\w.-]+)/([\w./-]+)")


@dataclass(frozen=True)
class Asset:
    package: str
    version: str
    path: str

    @property
    def local_url(self) -> str:
        return f"{MOUNT}{self.package}@{self.version}/{self.path}"

    def file(self, node_modules: Path) -> Path:
        return node_modules / self.package / self.path


# The graphql-ws client (UMD build, global `graphqlWs`), so the IDE subscribes over the
# graphql-transport-ws protocol: GraphiQL's own bundle cannot load it from a subscription URL.
GRAPHQL_WS = (
    '<script crossorigin src="https://unpkg.com/graphql-ws@6.4.2/umd/graphql-ws.min.js"\n'
    '      integrity="sha384-mxvR4Mzbsb6QVx/9xI2gtQikQA6m8zMDBFnu3l//4/ROsWt7y2sUGWd+/tYQqDm7">'
    "</script>\n"
)
FETCHER = """const fetcher = GraphiQL.createFetcher({
        url: fetchURL,
        headers: defaultHeaders,
        subscriptionUrl,
      });"""
# A WebSocket cannot carry headers: the token in GraphiQL's headers editor (persisted in
# localStorage) goes in connection_init, where the server reads it.
WS_FETCHER = """const fetcher = GraphiQL.createFetcher({
        url: fetchURL,
        headers: defaultHeaders,
        subscriptionUrl,
        wsClient: graphqlWs.createClient({
          url: subscriptionUrl,
          lazy: true,
          connectionParams: () => {
            try {
              return JSON.parse(localStorage.getItem("graphiql:headers") || "{}");
            } catch (error) {
              return {};
            }
          },
        }),
      });"""


class IdePageError(RuntimeError):
    """The IDE template changed shape: the subscription client could not be wired in."""


def with_subscriptions(html: str) -> str:
    """The IDE page with a graphql-transport-ws client for subscriptions."""
    anchor = '<script\n      crossorigin\n      src="https://unpkg.com/graphiql@'
    if FETCHER not in html or anchor not in html:
        raise IdePageError("the GraphiQL template no longer has the expected fetcher")
    return html.replace(FETCHER, WS_FETCHER).replace(anchor, GRAPHQL_WS + "    " + anchor, 1)


def assets_in(html: str) -> list[Asset]:
    return [Asset(*match.groups()) for match in _CDN_URL.finditer(html)]


def localize(html: str) -> str:
    """The IDE page with every CDN URL replaced by its local path (SRI hashes still apply)."""
    return html.replace(CDN, MOUNT)


def installed_version(package: str, node_modules: Path = NODE_MODULES) -> str | None:
    try:
        return json.loads((node_modules / package / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None


class AssetFiles:
    """Serves exactly the files the IDE page names, and only at the versions it names."""

    def __init__(self, html: str, node_modules: Path = NODE_MODULES) -> None:
        self.node_modules = node_modules
        self.assets = {asset.local_url: asset for asset in assets_in(html)}

    def missing(self) -> list[str]:
        """Assets that are not installed at the version the page expects."""
        return [
            url
            for url, asset in self.assets.items()
            if installed_version(asset.package, self.node_modules) != asset.version
            or not asset.file(self.node_modules).is_file()
        ]

    async def serve(self, request: Request) -> Response:
        asset = self.assets.get(request.url.path)
        if asset is None or installed_version(asset.package, self.node_modules) != asset.version:
            return PlainTextResponse("not found", status_code=404)
        path = asset.file(self.node_modules)
        if not path.is_file():
            return PlainTextResponse("not found", status_code=404)
        return FileResponse(path, headers={"Cache-Control": "public, max-age=31536000, immutable"})
