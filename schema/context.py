"""What every resolver gets as `info.context`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import HTTPConnection

from cypher.store import GraphStore


@dataclass
class RequestContext:
    store: GraphStore
    request_id: str
    request: HTTPConnection | None = None
    response: Any = None
    connection_params: dict[str, Any] | None = None
    # Per-request dataloaders, created on first use (see schema/loaders.py).
    loaders: dict[str, Any] = field(default_factory=dict)
