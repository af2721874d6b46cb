"""Bearer tokens: configured as SHA-256 hashes with roles, compared in constant time, never
logged. `jcm token create` makes one."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping

from pydantic import BaseModel, Field
from starlette.types import Scope

from schema.context import Principal

ROLES = ("registry:write", "admin")


class TokenEntry(BaseModel):
    name: str = Field(description="Who holds the token (shown as the actor in the audit log).")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    roles: list[str]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def authenticate(headers: Mapping[str, str], tokens: list[TokenEntry]) -> Principal | None:
    """The principal of a `Authorization: Bearer …` header, or None without one."""
    value = headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    presented = token_hash(token.strip())
    found = None
    for entry in tokens:  # compare with every entry, so timing says nothing about which
        if hmac.compare_digest(presented, entry.sha256):
            found = entry
    if found is None:
        return Principal(name=None, roles=frozenset(), presented=True)
    return Principal(name=found.name, roles=frozenset(found.roles), presented=True)


def caller(scope: Scope, tokens: list[TokenEntry]) -> Principal | None:
    """The principal of an HTTP or WebSocket request's `Authorization` header, worked out once
    and kept in the request's scope: the GraphQL edge, the context, the data routes and the
    access log all ask for it."""
    state = scope.setdefault("state", {})
    if _CALLER not in state:
        header = next((v for k, v in scope["headers"] if k.lower() == b"authorization"), b"")
        state[_CALLER] = authenticate({"authorization": header.decode("latin-1")}, tokens)
    return state[_CALLER]


_CALLER = "jcm.caller"


def create_token(name: str, roles: list[str]) -> tuple[str, str]:
    """A new token and the JCM_TOKENS entry that accepts it."""
    for role in roles:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
    token = secrets.token_urlsafe(32)
    entry = TokenEntry(name=name, sha256=token_hash(token), roles=roles)
    return token, entry.model_dump_json()
