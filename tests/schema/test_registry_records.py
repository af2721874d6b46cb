"""Recording accounts, issuances, Article 6.2 facts, and admin upserts."""

from __future__ import annotations

import httpx

from tests.conftest import ADMIN_TOKEN, WRITER_TOKEN, data, gql, gql_as
from tests.schema.test_registry_mutations import STATE, assert_sound, live_blocks

OPEN = """mutation($key: String!, $org: String, $country: String) {
  openAccount(key: $key, registry: "TH", kind: HOLDING, name: "Test holding",
              ownerOrganization: $org, ownerCountry: $country) { eventSeq keys } }"""
ISSUE = """mutation($input: RecordIssuanceInput!) { recordIssuance(input: $input) {
  eventSeq keys transactions } }"""


async def test_open_account_then_refuse_the_same_key(ledger_client: httpx.AsyncClient) -> None:
    made = data(await gql_as(ledger_client, WRITER_TOKEN, OPEN, key="TH-TEST", country="TH"))
    assert made["openAccount"]["keys"] == ["TH-TEST"]
    before = data(await gql(ledger_client, STATE))
    again = await gql_as(ledger_client, WRITER_TOKEN, OPEN, key="TH-TEST", country="TH")
    assert again["errors"][0]["extensions"]["code"] == "CONFLICT"
    missing = await gql_as(ledger_client, WRITER_TOKEN, OPEN, key="TH-X", org="nobody")
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert data(await gql(ledger_client, STATE)) == before


async def test_record_issuance_opens_numbered_series_per_registry(
    ledger_client: httpx.AsyncClient,
) -> None:
    data(await gql_as(ledger_client, WRITER_TOKEN, OPEN, key="TH-TEST", country="TH"))
    issuance = {
        "key": "ISS-TH-TEST-1",
        "project": "TH007",
        "decidedOn": "2026-03-01",
        "notifiedTotal": 50,
        "japanGovernmentShare": 25,
        "vintage": 2025,
        "issuedOn": "2026-03-10",
        "registryIssuances": [
            {
                "registry": "JP",
                "allocations": [
                    {"account": "JP-GOJ-HOLDING", "quantity": 25},
                    {"account": "JP-MAYEKAWA-HOLDING", "quantity": 5},
                ],
            },
            {"registry": "TH", "allocations": [{"account": "TH-TEST", "quantity": 20}]},
        ],
    }
    result = data(await gql_as(ledger_client, WRITER_TOKEN, ISSUE, input=issuance))
    assert result["recordIssuance"]["keys"] == [
        "ISS-TH-TEST-1",
        "JP-TH007-2025-1",
        "TH-TH007-2025-1",
    ]
    assert len(result["recordIssuance"]["transactions"]) == 3
    assert await live_blocks(ledger_client, "JP-TH007-2025-1") == [
        (1, 25, "HELD", "JP-GOJ-HOLDING"),
        (26, 30, "HELD", "JP-MAYEKAWA-HOLDING"),
    ]
    project = data(
        await gql(
            ledger_client,
            """{ project(ref: "TH007") {
        issuances { key notifiedTotal series { key quantity } } } }""",
        )
    )["project"]
    assert project["issuances"][0]["notifiedTotal"] == 50
    # A second registry issuance for the same vintage gets the next series number.
    second = {**issuance, "registryIssuances": issuance["registryIssuances"][:1]}
    again = data(await gql_as(ledger_client, WRITER_TOKEN, ISSUE, input=second))
    assert "JP-TH007-2025-2" in again["recordIssuance"]["keys"]
    await assert_sound(ledger_client)


async def test_record_issuance_refuses_unknown_project_and_wrong_registry(
    ledger_client: httpx.AsyncClient,
) -> None:
    base = {
        "key": "ISS-X",
        "project": "NOPE",
        "vintage": 2025,
        "issuedOn": "2026-01-01",
        "registryIssuances": [
            {"registry": "JP", "allocations": [{"account": "JP-GOJ-HOLDING", "quantity": 1}]}
        ],
    }
    before = data(await gql(ledger_client, STATE))
    body = await gql_as(ledger_client, WRITER_TOKEN, ISSUE, input=base)
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    wrong = {
        **base,
        "project": "TH007",
        "registryIssuances": [
            {"registry": "TH", "allocations": [{"account": "JP-GOJ-HOLDING", "quantity": 1}]}
        ],
    }
    body = await gql_as(ledger_client, WRITER_TOKEN, ISSUE, input=wrong)
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "allocations"}
    assert data(await gql(ledger_client, STATE)) == before


async def test_authorization_and_corresponding_adjustment(ledger_client: httpx.AsyncClient) -> None:
    auth = """mutation { recordAuthorization(key: "AUTH-TEST", party: "th", projects: ["TH007"],
        purposes: ["NDC"], on: "2026-01-05") { keys } }"""
    assert data(await gql_as(ledger_client, WRITER_TOKEN, auth))["recordAuthorization"] == {
        "keys": ["AUTH-TEST"]
    }
    ca = """mutation { recordCorrespondingAdjustment(key: "CA-TEST", party: "TH", year: 2025,
        quantity: 10, transaction: "TX-ILL-07") { keys } }"""
    data(await gql_as(ledger_client, WRITER_TOKEN, ca))
    found = data(
        await gql(
            ledger_client,
            """{ project(ref: "TH007") { authorizations {
        key party on purposes authorizingCountry { code } } } }""",
        )
    )
    assert found["project"]["authorizations"] == [
        {
            "key": "AUTH-TEST",
            "party": "TH",
            "on": "2026-01-05",
            "purposes": ["NDC"],
            "authorizingCountry": {"code": "TH"},
        }
    ]
    bad = """mutation { recordCorrespondingAdjustment(key: "CA-2", party: "TH", year: 2025,
        quantity: 1, transaction: "TX-NOPE") { keys } }"""
    body = await gql_as(ledger_client, WRITER_TOKEN, bad)
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_admin_upserts_create_then_update(ledger_client: httpx.AsyncClient) -> None:
    upsert = """mutation($title: String!) { upsertProject(ref: "NEW-1", title: $title,
        status: PDD, hostCountry: "VN", registeredOn: "2026-04-01") { keys } }"""
    data(await gql_as(ledger_client, ADMIN_TOKEN, upsert, title="First title"))
    data(await gql_as(ledger_client, ADMIN_TOKEN, upsert, title="Better title"))
    project = data(
        await gql(
            ledger_client,
            """{ project(ref: "NEW-1") { title status
        registeredOn hostCountry { code } partnership { key } sources { url } } }""",
        )
    )["project"]
    assert project["title"] == "Better title"
    assert project["hostCountry"] == {"code": "VN"}
    assert project["partnership"] == {"key": "JP-VN"}
    assert project["sources"] == [{"url": "urn:jcm-graph:actor:admin"}]
    bad = """mutation { upsertProject(ref: "NEW-2", title: "x", status: PDD,
        hostCountry: "FR") { keys } }"""
    body = await gql_as(ledger_client, ADMIN_TOKEN, bad)
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    method = """mutation { upsertMethodology(key: "VN_AM999", partnership: "JP-VN",
        title: "Test methodology") { keys } }"""
    data(await gql_as(ledger_client, ADMIN_TOKEN, method))
    found = data(
        await gql(ledger_client, '{ methodology(key: "VN_AM999") { title partnership { key } } }')
    )
    assert found["methodology"] == {"title": "Test methodology", "partnership": {"key": "JP-VN"}}


async def test_idempotency_keys_belong_to_the_caller_who_gave_them(
    ledger_client: httpx.AsyncClient,
) -> None:
    query = """mutation($key: String!) { openAccount(key: $key, registry: "TH", kind: HOLDING,
      name: "Keyed", ownerCountry: "TH", idempotencyKey: "shared-1") { keys replayed } }"""
    writer = data(await gql_as(ledger_client, WRITER_TOKEN, query, key="TH-BY-WRITER"))
    admin = data(await gql_as(ledger_client, ADMIN_TOKEN, query, key="TH-BY-ADMIN"))
    assert writer["openAccount"] == {"keys": ["TH-BY-WRITER"], "replayed": False}
    assert admin["openAccount"] == {"keys": ["TH-BY-ADMIN"], "replayed": False}
    again = data(await gql_as(ledger_client, WRITER_TOKEN, query, key="TH-BY-WRITER"))
    assert again["openAccount"] == {"keys": ["TH-BY-WRITER"], "replayed": True}
    other = await gql_as(ledger_client, WRITER_TOKEN, query, key="TH-OTHER")
    assert other["errors"][0]["extensions"]["code"] == "CONFLICT"
