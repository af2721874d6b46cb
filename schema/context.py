"""What every resolver gets as `info.context`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import HTTPConnection

from cypher.store import GraphStore
from schema.loaders import Loaders


@dataclass
class RequestContext:
    store: GraphStore
    request_id: str
    request: HTTPConnection | None = None
    response: Any = None
    connection_params: dict[str, Any] | None = None
    # Per-request batch loaders (see schema/loaders.py).
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.store)
