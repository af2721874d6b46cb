"""Imports of external records, matching, review, resolution and the CAD Trust taxonomy."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import WRITER_TOKEN, data, gql, gql_as

EXAMPLES = Path(__file__).resolve().parents[2] / "seed" / "examples"
IMPORT = """mutation($registry: String!, $content: String!, $format: String!, $preset: String!,
  $skip: Boolean!) { importExternalRecords(registry: $registry, content: $content,
  format: $format, preset: $preset, dataQuality: ILLUSTRATIVE, skipInvalid: $skip) {
  records created updated unchanged links skippedRows eventSeq } }"""


async def run_import(
    http: httpx.AsyncClient,
    registry: str,
    content: str,
    *,
    fmt: str = "csv",
    preset: str = "generic",
    skip: bool = False,
) -> dict:
    return await gql_as(
        http,
        WRITER_TOKEN,
        IMPORT,
        registry=registry,
        content=content,
        format=fmt,
        preset=preset,
        skip=skip,
    )


async def test_generic_csv_import_links_records_that_differ_in_case_and_punctuation(
    ledger_client: httpx.AsyncClient,
) -> None:
    result = data(
        await run_import(ledger_client, "T-VER", (EXAMPLES / "tver_sample.csv").read_text())
    )
    imported = result["importExternalRecords"]
    assert imported["created"] == [
        "T-VER:TVER-ILL-0001",
        "T-VER:TVER-ILL-0002",
        "T-VER:TVER-ILL-0003",
    ]
    assert [link.split(" (")[0] for link in imported["links"]] == [
        "T-VER:TVER-ILL-0001 -> TH007",
        "T-VER:TVER-ILL-0002 -> TH013",
    ]


async def test_cadt_v2_json_import_handles_unit_spelling_and_unrelated_projects(
    ledger_client: httpx.AsyncClient,
) -> None:
    result = data(
        await run_import(
            ledger_client,
            "SRN-PPI",
            (EXAMPLES / "srn_ppi_sample.json").read_text(),
            fmt="json",
            preset="cadt-v2",
        )
    )
    links = result["importExternalRecords"]["links"]
    assert [link.split(" (")[0] for link in links] == [
        "SRN-PPI:SRN-ILL-0101 -> ID_PIN001",
        "SRN-PPI:SRN-ILL-0102 -> ID_PIN004",
    ]
    # 0.7 MW is not linked to the 1.5 MW project of the same country, nor the reverse.
    candidates = data(
        await gql(
            ledger_client,
            """{ matchCandidates(
        externalRecordId: "SRN-PPI:SRN-ILL-0102") { confidence linked project { ref } } }""",
        )
    )
    best = candidates["matchCandidates"]
    assert best[0]["project"]["ref"] == "ID_PIN004"
    assert best[0]["linked"] is True
    assert all(c["confidence"] < 0.75 for c in best[1:])


async def test_cadt_v1_csv_preset(ledger_client: httpx.AsyncClient) -> None:
    content = (
        "projectId,projectName,country,projectLink,projectDeveloper,projectStatus\n"
        "V1-1,5 MW solar power project in Belén,CR,https://example.org/v1-1,,Registered\n"
    )
    result = data(await run_import(ledger_client, "CAD-TRUST", content, preset="cadt-v1"))
    assert [link.split(" (")[0] for link in result["importExternalRecords"]["links"]] == [
        "CAD-TRUST:V1-1 -> CR001"
    ]


async def test_invalid_rows_are_reported_and_nothing_is_written(
    ledger_client: httpx.AsyncClient,
) -> None:
    content = (
        "externalId,title,country,url\n"
        "A,Good row,TH,\n"
        ",Missing id,TH,\n"
        "C,Bad country,XX,\n"
        "D,Bad url,TH,ftp://x\n"
    )
    body = await run_import(ledger_client, "T-VER", content)
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["problems"] == [
        "row 2: externalId is missing",
        "row 3: country 'XX' is not an ISO code this graph knows",
        "row 4: url 'ftp://x' is not an http(s) URL",
    ]
    found = await gql(
        ledger_client, '{ resolveExternalId(registry: "T-VER", externalId: "A") { key } }'
    )
    assert found["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    skipped = data(await run_import(ledger_client, "T-VER", content, skip=True))
    assert skipped["importExternalRecords"]["created"] == ["T-VER:A"]
    assert len(skipped["importExternalRecords"]["skippedRows"]) == 3


async def test_reimporting_the_same_file_changes_nothing(ledger_client: httpx.AsyncClient) -> None:
    content = (EXAMPLES / "tver_sample.csv").read_text()
    data(await run_import(ledger_client, "T-VER", content))
    log = data(await gql(ledger_client, "{ auditLog { totalCount } graphInfo { nodeCount } }"))
    again = data(await run_import(ledger_client, "T-VER", content))["importExternalRecords"]
    assert (again["created"], again["updated"], again["unchanged"], again["eventSeq"]) == (
        [],
        [],
        3,
        None,
    )
    assert (
        data(await gql(ledger_client, "{ auditLog { totalCount } graphInfo { nodeCount } }")) == log
    )


@pytest.mark.parametrize("confirm", [True, False])
async def test_confirm_or_reject_a_link(ledger_client: httpx.AsyncClient, confirm: bool) -> None:
    content = (EXAMPLES / "tver_sample.csv").read_text()
    data(await run_import(ledger_client, "T-VER", content))
    mutation = "confirmLink" if confirm else "rejectLink"
    reviewed = data(
        await gql_as(
            ledger_client,
            WRITER_TOKEN,
            f"""mutation {{ {mutation}(
        externalRecordId: "T-VER:TVER-ILL-0001", projectRef: "TH007") {{
        links {{ confirmed method project {{ ref }} }} }} }}""",
        )
    )[mutation]
    if confirm:
        assert reviewed["links"] == [
            {"confirmed": True, "method": "MANUAL", "project": {"ref": "TH007"}}
        ]
    else:
        assert reviewed["links"] == []
        # A rejected pair is never proposed again, even by a later import.
        again = data(
            await run_import(ledger_client, "T-VER", content.replace("2022-07-01", "2022-07-02"))
        )
        assert not any(
            "TVER-ILL-0001 -> TH007" in link for link in again["importExternalRecords"]["links"]
        )


async def test_resolve_external_id_and_project_external_records(
    ledger_client: httpx.AsyncClient,
) -> None:
    data(await run_import(ledger_client, "T-VER", (EXAMPLES / "tver_sample.csv").read_text()))
    found = data(
        await gql(
            ledger_client,
            """{ resolveExternalId(registry: "T-VER",
        externalId: "TVER-ILL-0002") { key title dataQuality links { confirmed
        project { ref } } } project(ref: "TH013") { externalRecords { confidence
        record { key registry } } } }""",
        )
    )
    assert found["resolveExternalId"]["dataQuality"] == "ILLUSTRATIVE"
    assert found["resolveExternalId"]["links"] == [
        {"confirmed": False, "project": {"ref": "TH013"}}
    ]
    assert found["project"]["externalRecords"][0]["record"] == {
        "key": "T-VER:TVER-ILL-0002",
        "registry": "T-VER",
    }


async def test_cadt_taxonomy_is_queryable_both_ways(seeded_client: httpx.AsyncClient) -> None:
    found = data(
        await gql(
            seeded_client,
            """{
        sectors(filter: {ids: ["SCOPE-14"]}) { nodes { cadtTerms { field value } } }
        cadtTerm(field: "projectType", value: "Energy Efficiency Industry") { technologies { key }
          sources { url } } }""",
        )
    )
    assert found["sectors"]["nodes"][0]["cadtTerms"] == [
        {"field": "projectSector", "value": "Afforestation and reforestation"}
    ]
    keys = {t["key"] for t in found["cadtTerm"]["technologies"]}
    assert {"centrifugal-chiller", "efficient-boiler"} <= keys
    assert "github.com/Chia-Network/cadt" in found["cadtTerm"]["sources"][0]["url"]
