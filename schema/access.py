"""Who may do what: reads are public unless configured otherwise; writes need a role."""

from __future__ import annotations

from strawberry.types import Info

from schema.context import Principal, RequestContext
from schema.errors import Forbidden, Unauthenticated


def require(info: Info[RequestContext, None], role: str) -> Principal:
    principal = info.context.principal
    if principal is None or not principal.presented:
        raise Unauthenticated(f"this needs a bearer token with the {role!r} role")
    if principal.name is None:
        raise Unauthenticated("the bearer token is not valid")
    if not principal.can(role):
        raise Forbidden(f"the token of {principal.name!r} lacks the {role!r} role", role=role)
    return principal
