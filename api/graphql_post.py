"""The common GraphQL-over-HTTP request, a JSON POST of a query or mutation, answered without
Strawberry's HTTP view.

The view adapts the request, reads and decodes the body again, builds a sub-response and a
Starlette response per request: for `{ __typename }` that was about 40 of the 98 µs a request
took in process. The edge (api/graphql_http.py) has already read and checked the body, so this
runs the same steps on what it read: the view's own context (`get_context`), the schema's
`execute`, the view's own `process_result`, and the view's JSON encoding, byte for byte.

Anything else takes Strawberry's path, which answers it as before: GET, other media types,
streamed responses asked for in `Accept`, and every request the schema refuses before running
it (no query, no such operation, an operation type POST cannot carry) or the context refuses
(a token needed): those raise before any database work, so nothing runs twice.
"""

from __future__ import annotations

from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.types import Receive, Scope
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from api.graphql_view import JcmGraphQL

# What a POST may carry here; a subscription is Strawberry's to refuse.
POST_OPERATIONS = frozenset({OperationType.QUERY, OperationType.MUTATION})
# Media types in `Accept` that ask for one JSON answer (anything else may ask for a stream).
ONE_JSON_ANSWER = frozenset(
    {"", "*/*", "application/*", "application/json", "application/graphql-response+json"}
)


def takes_post_lane(scope: Scope, headers: dict[str, str], fields: dict[str, Any]) -> bool:
    """A JSON POST whose body the edge read as a GraphQL request, asking for one JSON answer."""
    if scope["method"] != "POST" or not isinstance(fields.get("query"), str):
        return False
    accept = headers.get("accept", "")
    return all(part.split(";")[0].strip().lower() in ONE_JSON_ANSWER for part in accept.split(","))


async def answer_post(
    view: JcmGraphQL, scope: Scope, receive: Receive, fields: dict[str, Any]
) -> bytes | None:
    """The body of the 200 answer Strawberry's view would give, or None when the request must
    take the view's path after all (it is refused there, before any database work)."""
    request = Request(scope, receive)
    try:
        context = await view.get_context(request, None)  # type: ignore[arg-type]
        result = await view.schema.execute(
            fields["query"],
            variable_values=fields.get("variables"),
            context_value=context,
            operation_name=fields.get("operationName"),
            allowed_operation_types=POST_OPERATIONS,
            operation_extensions=fields.get("extensions"),
        )
    except (
        HTTPException,
        MissingQueryError,
        CannotGetOperationTypeError,
        InvalidOperationTypeError,
    ):
        return None
    # Bytes at once: the view's text, encoded again, cost a decode and an encode of the whole
    # body (a page of 100 projects: about 2,400 instructions a project).
    return view.encode_json_bytes(await view.process_result(request, result))
