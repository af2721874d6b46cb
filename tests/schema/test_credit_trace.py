"""traceCredit / traceRange: the full chain, splits, retirements, as-of, Article 6 status."""

from __future__ import annotations

import datetime as dt

import httpx

from cypher.credit_trace import trace_credit
from tests.conftest import WRITER_TOKEN, data, field_selections, gql, gql_as

TRACE = """query($serial: String!, $asOf: Date) { traceCredit(serial: $serial, asOf: $asOf) {
  serial series unit status holder { key owner registry } block { key }
  history { seq on kind international firstTransfer fromAccount { key } toAccount { key }
            correspondingAdjustments { key } dataQuality sources { url } }
  lineage { key status } seriesInfo { key } issuance { key } project { ref }
  hostCountry { code } partnership { key } authorizations { key }
  adjustmentStatus gaps dataQuality } }"""


async def trace(http: httpx.AsyncClient, serial: str, as_of: str | None = None) -> dict:
    return data(await gql(http, TRACE, serial=serial, asOf=as_of))["traceCredit"]


async def test_trace_returns_the_full_chain_in_order(seeded_client: httpx.AsyncClient) -> None:
    t = await trace(seeded_client, "JP-X-MN-01-2016-1-000050")
    assert (t["series"], t["unit"], t["status"]) == ("JP-X-MN-01-2016-1", 50, "HELD")
    assert t["holder"] == {"key": "JP-GOJ-HOLDING", "owner": "Japan", "registry": "JP"}
    assert [h["kind"] for h in t["history"]] == ["ISSUANCE"]
    assert t["history"][0]["on"] == "2016-09-30"
    assert t["issuance"] == {"key": "ISS-MN-2016-1"}
    assert t["project"] == {"ref": "MN001"}
    assert t["hostCountry"] == {"code": "MN"}
    assert t["partnership"] == {"key": "JP-MN"}
    assert t["adjustmentStatus"] == "NOT_REQUIRED"
    assert t["dataQuality"] == "OFFICIAL"
    assert "no public record of the verification for issuance ISS-MN-2016-1" in t["gaps"]
    assert all(h["sources"] for h in t["history"])


async def test_trace_of_a_split_block_shows_the_split(seeded_client: httpx.AsyncClient) -> None:
    t = await trace(seeded_client, "JP-X-ID-02-2016-1-000028")
    assert [(h["kind"], h["fromAccount"], h["toAccount"]) for h in t["history"]] == [
        ("ISSUANCE", None, {"key": "JP-MAYEKAWA-HOLDING"}),
        ("TRANSFER", {"key": "JP-MAYEKAWA-HOLDING"}, {"key": "JP-GOJ-HOLDING"}),
    ]
    assert [b["key"] for b in t["lineage"]] == [
        "JP-X-ID-02-2016-1/28-31",
        "JP-X-ID-02-2016-1/28-29",
    ]
    assert t["lineage"][0]["status"] == "SUPERSEDED"
    assert t["block"] == {"key": "JP-X-ID-02-2016-1/28-29"}


async def test_each_block_of_a_lineage_names_the_account_that_holds_it(
    seeded_client: httpx.AsyncClient,
) -> None:
    # The trace's statement does not read accounts: each block answers its own.
    query = """query($s: String!) { traceCredit(serial: $s) {
      block { key account { key } } lineage { key account { key } } } }"""
    t = data(await gql(seeded_client, query, s="JP-X-ID-02-2016-1-000028"))["traceCredit"]
    assert t["block"] == {"key": "JP-X-ID-02-2016-1/28-29", "account": {"key": "JP-GOJ-HOLDING"}}
    assert t["lineage"] == [
        {"key": "JP-X-ID-02-2016-1/28-31", "account": {"key": "JP-MAYEKAWA-HOLDING"}},
        {"key": "JP-X-ID-02-2016-1/28-29", "account": {"key": "JP-GOJ-HOLDING"}},
    ]


async def test_trace_of_a_retired_unit_shows_its_retirement(
    seeded_client: httpx.AsyncClient,
) -> None:
    t = await trace(seeded_client, "JP-X-ID-02-2016-1-000003")
    assert t["status"] == "RETIRED"
    assert t["history"][-1]["kind"] == "RETIREMENT"
    assert t["holder"]["key"] == "JP-RETIREMENT"


async def test_as_of_before_a_transfer_shows_the_earlier_holder(
    seeded_client: httpx.AsyncClient,
) -> None:
    before = await trace(seeded_client, "JP-X-ID-02-2016-1-000028", "2016-12-31")
    assert before["holder"]["key"] == "JP-MAYEKAWA-HOLDING"
    assert [h["kind"] for h in before["history"]] == ["ISSUANCE"]
    assert (await trace(seeded_client, "JP-X-ID-02-2016-1-000028", "2015-01-01"))[
        "status"
    ] == "NOT_ISSUED"


async def test_article_6_status_of_the_authorized_units(seeded_client: httpx.AsyncClient) -> None:
    applied = await trace(seeded_client, "TH-X-TH-01-2025-1-000030")
    assert applied["adjustmentStatus"] == "APPLIED"
    assert applied["authorizations"] == [{"key": "AUTH-TH-2025-1"}]
    first = next(h for h in applied["history"] if h["firstTransfer"])
    assert first["international"] is True
    assert first["correspondingAdjustments"] == [{"key": "CA-TH-2025-1"}]
    missing = await trace(seeded_client, "TH-X-TH-01-2025-1-000065")
    assert missing["adjustmentStatus"] == "MISSING"
    assert any("TX-ILL-07" in gap for gap in missing["gaps"])
    not_due = await trace(seeded_client, "TH-X-TH-01-2025-1-000090")
    assert not_due["adjustmentStatus"] == "NOT_YET_DUE"


async def test_malformed_and_unknown_serials(seeded_client: httpx.AsyncClient) -> None:
    body = await gql(seeded_client, TRACE, serial="JP-000001")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "expected {registry}" in body["errors"][0]["message"]
    for serial in ("JP-NOPE-2016-1-000001", "JP-X-ID-02-2016-1-000032"):
        body = await gql(seeded_client, TRACE, serial=serial)
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND", serial


async def test_trace_range_cuts_where_histories_differ(seeded_client: httpx.AsyncClient) -> None:
    query = """{ traceRange(series: "JP-X-ID-02-2016-1", first: 5, last: 31) {
        first last status holder { key } } }"""
    parts = data(await gql(seeded_client, query))["traceRange"]
    assert [(p["first"], p["last"], p["status"], p["holder"]["key"]) for p in parts] == [
        (5, 10, "RETIRED", "JP-RETIREMENT"),
        (11, 27, "HELD", "JP-GOJ-HOLDING"),
        (28, 29, "HELD", "JP-GOJ-HOLDING"),
        (30, 30, "CANCELLED", "JP-CANCELLATION"),
        (31, 31, "HELD", "JP-MAYEKAWA-HOLDING"),
    ]


async def test_trace_follows_live_writes(ledger_client: httpx.AsyncClient) -> None:
    transfer = """mutation { transferCredits(toAccount: "JP-MAYEKAWA-HOLDING", input: {
        fromAccount: "JP-GOJ-HOLDING", series: "JP-X-ID-02-2016-1", first: 20, last: 22,
        on: "2026-05-01"}) { transactions } }"""
    data(await gql_as(ledger_client, WRITER_TOKEN, transfer))
    t = await trace(ledger_client, "JP-X-ID-02-2016-1-000021")
    assert t["holder"]["key"] == "JP-MAYEKAWA-HOLDING"
    assert [b["key"] for b in t["lineage"]][-1] == "JP-X-ID-02-2016-1/20-22"


TODAY = dt.datetime.now(dt.UTC).date().isoformat()


async def test_a_live_transfer_comes_last_in_history_even_after_a_large_seeded_ledger(
    ledger_client: httpx.AsyncClient,
) -> None:
    from seed.synthetic import synthetic_graph
    from seed.writer import write_payload

    payload = synthetic_graph(40, seed=5)  # about 1,900 seeded transactions
    await write_payload(ledger_client.app.state.store, payload)  # type: ignore[attr-defined]
    # A held block of the Japanese series with the highest seeded sequence numbers.
    txs = [
        r["props"]
        for r in payload.nodes["Transaction"].values()
        if r["props"]["series"].startswith("JP-")
    ]
    series = max(txs, key=lambda t: t["seq"])["series"]
    held_in = next(k for k in payload.links if k.rel == "HELD_IN")
    block = next(
        b["props"]
        for b in payload.nodes["CreditBlock"].values()
        if b["props"]["series"] == series and b["props"]["status"] == "HELD"
    )
    holder = payload.links[held_in][block["id"]][0]["to"]
    transfer = """mutation($input: MoveInput!) { transferCredits(input: $input,
        toAccount: "JP-GOJ-HOLDING") { transactions } }"""
    data(
        await gql_as(
            ledger_client,
            WRITER_TOKEN,
            transfer,
            input={
                "fromAccount": holder,
                "series": series,
                "first": block["first"],
                "last": block["first"],
                "on": TODAY,
            },
        )
    )
    history = (await trace(ledger_client, f"{series}-{block['first']:06d}"))["history"]
    assert len(history) >= 2
    assert history[-1]["on"] == TODAY
    assert history[-1]["toAccount"] == {"key": "JP-GOJ-HOLDING"}


# Units whose upstream differs: no verification and conflicting sources (MN), Article 6.2
# authorizations (TH), a split block (ID).
TRACED = ["JP-X-MN-01-2016-1-000050", "TH-X-TH-01-2025-1-000030", "JP-X-ID-02-2016-1-000028"]
# The trace's fields that are nodes it comes from, and their types.
UPSTREAM = {
    "seriesInfo": "Series",
    "issuance": "Issuance",
    "verification": "Verification",
    "tpe": "Organization",
    "monitoringPeriod": "MonitoringPeriod",
    "project": "Project",
    "hostCountry": "Country",
    "partnership": "Partnership",
    "methodologies": "Methodology",
    "authorizations": "Authorization",
}


def _traces(selection: str) -> str:
    return (
        "{ "
        + " ".join(
            f'u{i}: traceCredit(serial: "{serial}") {{ {selection} }}'
            for i, serial in enumerate(TRACED)
        )
        + " }"
    )


async def test_the_traces_own_checks_do_not_depend_on_what_is_selected(
    seeded_client: httpx.AsyncClient,
) -> None:
    # The trace reads of its upstream nodes what it checks besides what a request selects:
    # asked alone, its verdicts are those of the trace read whole (every property).
    verdicts = data(await gql(seeded_client, _traces("status adjustmentStatus gaps dataQuality")))
    store = seeded_client.app.state.store  # type: ignore[attr-defined]
    for i, serial in enumerate(TRACED):
        whole = await trace_credit(store, serial)
        assert verdicts[f"u{i}"] == {
            "status": whole.status,
            "adjustmentStatus": whole.adjustment_status,
            "gaps": whole.gaps,
            "dataQuality": whole.data_quality,
        }, serial
    assert any(verdicts[f"u{i}"]["gaps"] for i in range(len(TRACED)))


async def test_every_upstream_field_asked_alone_answers_as_asked_with_all_the_others(
    seeded_client: httpx.AsyncClient,
) -> None:
    selections = {name: field_selections(type_name) for name, type_name in UPSTREAM.items()}
    everything = " ".join(f"{name} {{ {' '.join(s)} }}" for name, s in selections.items())
    whole = data(await gql(seeded_client, _traces(everything)))
    assert whole["u0"]["verification"] is None  # a node the unit's record lacks stays null
    for name, fields in selections.items():
        for selection in fields:
            field = selection.split()[0]
            alone = data(await gql(seeded_client, _traces(f"{name} {{ {selection} }}")))
            for unit in whole:
                expected = whole[unit][name]
                if isinstance(expected, list):
                    expected = [{field: item[field]} for item in expected]
                elif expected is not None:
                    expected = {field: expected[field]}
                assert alone[unit][name] == expected, (name, field, unit)
