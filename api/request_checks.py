"""Checks of a GraphQL-over-HTTP request's body and query string before the GraphQL layer:
each problem becomes a 400 with a message that says what to fix, never a 500."""

from __future__ import annotations

import functools
import json
import re
from typing import Any
from urllib.parse import parse_qs

from graphql import GraphQLError, OperationType, get_operation_ast, parse
from starlette.types import Scope

from schema.request_pipeline import CACHED_DOCUMENTS

# Fields of a GraphQL-over-HTTP request and the JSON types they may have.
FIELDS: dict[str, tuple[type, ...]] = {
    "query": (str,),
    "operationName": (str, type(None)),
    "variables": (dict, type(None)),
    "extensions": (dict, type(None)),
}
TYPE_NAMES = {str: "a string", dict: "an object", type(None): "null"}


def read_request(
    scope: Scope, headers: dict[str, str], body: bytes
) -> tuple[str | None, dict[str, Any]]:
    """(what is wrong with the request or None when the GraphQL layer may have it, its fields:
    query, variables, operationName, extensions, as far as they could be read)."""
    if scope["method"] == "GET":
        params = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        fields: dict[str, Any] = {k: v[-1] for k, v in params.items()}
        for name in ("variables", "extensions"):
            if name in fields:
                decoded = _json(fields[name], f"`{name}`")
                if isinstance(decoded, str):
                    return decoded, {}
                fields[name] = decoded[0]
        return _fields_problem(fields, require_query=False), fields
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if scope["method"] != "POST" or content_type != "application/json":
        return None, {}  # other media types are Strawberry's to refuse
    decoded = _json(body, "the body")
    if isinstance(decoded, str):
        return decoded, {}
    payload = decoded[0]
    if isinstance(payload, list):
        return "batched requests are not supported: send one JSON object per request", {}
    if not isinstance(payload, dict):
        return (
            'the body must be a JSON object such as {"query": "{ countries { totalCount } }"}',
            {},
        )
    return _fields_problem(payload, require_query=True), payload


_SUBSCRIPTION = re.compile(r"\bsubscription\b")
_COMMENT = re.compile(r"#[^\n]*")
_FIRST_FIELD = re.compile(r"\{\s*(?:\w+\s*:\s*)?(\w+)")


def operation_label(query: Any, known: frozenset[str]) -> str:
    """The operation's first root field when it is one of `known` (a bounded set of labels for
    metrics and logs, whatever a client sends), else "other"."""
    if not isinstance(query, str):
        return "other"
    return _label(query, known)


# Clients repeat their queries, and the regexes cost ~9,000 instructions a request. Bounded
# as the parsed documents are: each entry keeps a query text (up to the body limit).
@functools.lru_cache(maxsize=CACHED_DOCUMENTS)
def _label(query: str, known: frozenset[str]) -> str:
    match = _FIRST_FIELD.search(_COMMENT.sub("", query))
    name = match.group(1) if match else ""
    return name if name in known else "other"


def _json(raw: bytes | str, what: str) -> tuple[Any] | str:
    """The decoded value in a 1-tuple, or the problem."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        return f"{what} is not valid UTF-8 (byte {exc.start})"
    try:
        return (json.loads(text),)
    except RecursionError:
        return f"{what} nests JSON too deeply"
    except ValueError as exc:
        return f"{what} is not valid JSON: {exc}"


def _fields_problem(fields: dict[str, Any], *, require_query: bool) -> str | None:
    if require_query and "query" not in fields:
        return "the request has no `query`"
    for name, allowed in FIELDS.items():
        if name in fields and not isinstance(fields[name], allowed):
            expected = " or ".join(TYPE_NAMES[t] for t in allowed)
            return f"`{name}` must be {expected}"
    return _text_problem(fields, None) or _subscription_problem(fields)


def _subscription_problem(fields: dict[str, Any]) -> str | None:
    """Subscriptions stream: over HTTP they would hold a request open for good."""
    query = fields.get("query")
    # The substring test first: the regex alone costs ~15,000 instructions a request.
    if not isinstance(query, str) or "subscription" not in query:
        return None
    if not _SUBSCRIPTION.search(query):
        return None
    try:
        operation = get_operation_ast(parse(query), fields.get("operationName"))
    except GraphQLError:
        return None  # the GraphQL layer reports the syntax error
    if operation is None or operation.operation != OperationType.SUBSCRIPTION:
        return None
    return (
        "subscriptions are served over WebSocket at /graphql (protocol graphql-transport-ws); "
        "over HTTP send queries and mutations"
    )


def _text_problem(value: Any, key: str | int | None) -> str | None:
    """Strings may not hold NUL or unpaired surrogates: no database stores them faithfully.
    `key`: where the value is (None for the request itself), named only in a problem."""
    if isinstance(value, str):
        if "\x00" in value:
            return f"{_where(key)} contains a NUL character (U+0000), which text may not hold"
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return f"{_where(key)} contains an unpaired surrogate (\\ud800-\\udfff escape)"
        return None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for inner, item in items:
        if (problem := _text_problem(item, inner)) is not None:
            return problem
    return None


def _where(key: str | int | None) -> str:
    return "the request" if key is None else f"`{key}`"
