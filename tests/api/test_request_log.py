"""The JSON log line: what it says, however often and whatever it is given to say."""

from __future__ import annotations

import json
import logging

from api.request_log import JsonFormatter


def _record(
    created: float, message: str = "POST /graphql 200", **fields: object
) -> logging.LogRecord:
    record = logging.LogRecord("jcm.access", logging.INFO, __file__, 1, message, None, None)
    # As LogRecord sets them, for a record made at `created`.
    record.created = created
    record.msecs = (created - int(created)) * 1000
    record.fields = fields
    record.request_id = "abc"
    return record


def test_each_line_gives_its_own_second_and_millisecond() -> None:
    formatter = JsonFormatter()
    # Fractions a float holds exactly, so that the milliseconds are known.
    times = [1_700_000_000.125, 1_700_000_000.875, 1_700_000_001.0625, 1_700_000_000.5]
    said = [json.loads(formatter.format(_record(t)))["time"] for t in times]
    expected = [
        logging.Formatter().formatTime(_record(t), "%Y-%m-%dT%H:%M:%S") + f".{int(ms):03d}"
        for t, ms in ((t, (t - int(t)) * 1000) for t in times)
    ]
    assert said == expected
    assert said[0][:-4] == said[1][:-4] != said[2][:-4]
    assert [s[-3:] for s in said] == ["125", "875", "062", "500"]


def test_a_line_holds_the_message_the_request_id_and_the_fields() -> None:
    line = json.loads(JsonFormatter().format(_record(1_700_000_000.0, status=200, caller="x")))
    assert line["level"] == "INFO"
    assert line["logger"] == "jcm.access"
    assert line["requestId"] == "abc"
    assert line["message"] == "POST /graphql 200"
    assert line["status"] == 200
    assert line["caller"] == "x"


def test_a_line_is_written_even_with_text_or_numbers_orjson_refuses() -> None:
    formatter = JsonFormatter()
    line = json.loads(formatter.format(_record(1_700_000_000.0, "odd \ud800 text", big=10**30)))
    assert line["message"] == "odd \ud800 text"
    assert line["big"] == 10**30


def test_values_json_cannot_hold_are_written_as_text() -> None:
    line = json.loads(JsonFormatter().format(_record(1_700_000_000.0, seen={1, 2}.__class__)))
    assert line["seen"] == "<class 'set'>"
