"""What every resolver gets as `info.context`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import HTTPConnection

from cypher.store import GraphStore
from schema.loaders import Loaders


@dataclass(frozen=True)
class Principal:
    """Who is calling: `name` None with `presented` True means a token that matched nothing."""

    name: str | None
    roles: frozenset[str]
    presented: bool = False

    def can(self, role: str) -> bool:
        return self.name is not None and (role in self.roles or "admin" in self.roles)


@dataclass
class RequestContext:
    store: GraphStore
    request_id: str
    request: HTTPConnection | None = None
    response: Any = None
    connection_params: dict[str, Any] | None = None
    principal: Principal | None = None
    # Admission of whole-ledger work (schema/ledger_scans.py); None: unlimited (tools, tests).
    ledger_scans: Any = None
    # The process's change-feed wake-up (schema/event_feed.py); None: each subscription polls.
    event_feed: Any = None
    # Per-request batch loaders (see schema/loaders.py).
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.store)
