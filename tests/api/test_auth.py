"""Bearer tokens (api/auth.py): a request's caller is worked out once, however many parts of
the app ask who it is."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

import api.auth
from tests.conftest import READER_TOKEN, gql_as


@contextmanager
def token_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The headers whose token was checked against the configured ones."""
    checked: list[str] = []
    authenticate = api.auth.authenticate

    def counted(headers: Any, tokens: Any) -> Any:
        checked.append(headers.get("authorization", ""))
        return authenticate(headers, tokens)

    monkeypatch.setattr(api.auth, "authenticate", counted)
    yield checked


async def test_a_request_s_token_is_checked_once(
    ledger_client: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The access log names the caller, the response cache keys by it and the resolvers
    # act as it: all three ask.
    caplog.set_level(logging.INFO, logger="jcm.access")
    logging.getLogger("jcm").propagate = True
    try:
        with token_checks(monkeypatch) as checked:
            body = await gql_as(ledger_client, READER_TOKEN, "{ countries { totalCount } }")
    finally:
        logging.getLogger("jcm").propagate = False
    assert "errors" not in body
    assert checked == [f"Bearer {READER_TOKEN}"]
    record = next(r for r in caplog.records if r.name == "jcm.access")
    assert record.fields["caller"] == "reader"  # type: ignore[attr-defined]


async def test_each_request_is_checked_for_itself(
    ledger_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    with token_checks(monkeypatch) as checked:
        await gql_as(ledger_client, READER_TOKEN, "{ countries { totalCount } }")
        anonymous = await gql_as(
            ledger_client,
            None,
            'mutation { transferCredits(toAccount: "X", input: {fromAccount: "Y", quantity: 1})'
            " { eventSeq } }",
        )
    assert checked == [f"Bearer {READER_TOKEN}", ""]
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
