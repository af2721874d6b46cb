"""Client-facing errors: every error carries `extensions.code`; internal details never leave.

Resolvers raise `ApiError` subclasses. Anything else is masked as INTERNAL and logged with the
request id, so a stack trace or a Cypher text never reaches a client.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any

from graphql import GraphQLError

from cypher.errors import InvalidText, QueryTimeout, StoreUnavailable

log = logging.getLogger("jcm.graphql")


class ErrorCode(StrEnum):
    BAD_USER_INPUT = "BAD_USER_INPUT"
    NOT_FOUND = "NOT_FOUND"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    CONFLICT = "CONFLICT"
    INTEGRITY_VIOLATION = "INTEGRITY_VIOLATION"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    # Apollo's name, which Apollo clients and their error links know.
    INTERNAL = "INTERNAL_SERVER_ERROR"


class ApiError(Exception):
    code = ErrorCode.INTERNAL

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message)
        self.message = message
        # graphql-core copies these onto the GraphQLError, so every transport (HTTP and
        # WebSocket alike) shows the code.
        self.extensions = {**extensions, "code": self.code.value}


class BadUserInput(ApiError):
    code = ErrorCode.BAD_USER_INPUT


class NotFound(ApiError):
    code = ErrorCode.NOT_FOUND


class Unauthenticated(ApiError):
    code = ErrorCode.UNAUTHENTICATED


class Forbidden(ApiError):
    code = ErrorCode.FORBIDDEN


class Conflict(ApiError):
    code = ErrorCode.CONFLICT


class IntegrityViolation(ApiError):
    code = ErrorCode.INTEGRITY_VIOLATION


class LimitExceeded(ApiError):
    code = ErrorCode.LIMIT_EXCEEDED


def to_client_error(error: GraphQLError, rid: str) -> GraphQLError:
    """The error as a client may see it, with its code; `rid` is the request id for the logs."""
    original = error.original_error
    extensions = dict(error.extensions or {})
    if original is None or isinstance(original, GraphQLError) or error.path is None:
        # Parse, validation and variable errors (no field ran): about the client's request.
        if "more than" in error.message and "tokens" in error.message:
            extensions["code"] = ErrorCode.LIMIT_EXCEEDED.value  # graphql-core's token limit
        extensions.setdefault("code", ErrorCode.BAD_USER_INPUT.value)
        return _with(error, error.message, extensions)
    if isinstance(original, ApiError):
        return _with(error, original.message, {**original.extensions, "code": original.code.value})
    if isinstance(original, InvalidText):
        return _with(error, original.detail, {"code": ErrorCode.BAD_USER_INPUT.value})
    if isinstance(original, QueryTimeout):
        message = "the request took longer than the database time limit; ask for less"
        return _with(error, message, {"code": ErrorCode.LIMIT_EXCEEDED.value})
    if isinstance(original, StoreUnavailable):
        log.error("database unavailable: %s", original)
        message = f"the database is unavailable; try again shortly (request id {rid})"
    else:
        log.error("internal error at %s", error.path, exc_info=original)
        message = f"internal error (request id {rid})"
    return _with(error, message, {"code": ErrorCode.INTERNAL.value, "requestId": rid})


def _with(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )


def client_errors(errors: list[GraphQLError], context: Any) -> list[GraphQLError]:
    """Every error of a result in its client form; `context` is the request's context (its
    request id goes to the logs)."""
    rid = getattr(context, "request_id", "-")
    return [to_client_error(e, rid) for e in errors]
