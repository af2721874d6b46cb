"""The schema documents itself: every type, field, argument and enum value has a description,
amounts name their unit, and the scalars state their format."""

from __future__ import annotations

import re

import httpx

from tests.conftest import data, gql

INTROSPECTION = """{ __schema { types { name kind description
  fields(includeDeprecated: true) { name description type { name kind ofType { name } }
                                    args { name description } }
  inputFields { name description }
  enumValues(includeDeprecated: true) { name description } } } }"""
BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}
# Field names that hold an amount of credits, money or emissions.
AMOUNT = re.compile(
    r"(quantity|total|share|notified|issued$|held$|retired$|cancelled$|reduction|amount|"
    r"^credits|fundSize|cap)",
    re.IGNORECASE,
)
UNIT = re.compile(r"tCO2|JPY|USD|`currency`|units|unit unstated", re.IGNORECASE)


async def schema_types(http: httpx.AsyncClient) -> list[dict]:
    types = data(await gql(http, INTROSPECTION))["__schema"]["types"]
    return [t for t in types if not t["name"].startswith("__") and t["name"] not in BUILT_IN]


async def test_every_type_field_argument_and_enum_value_is_described(
    client: httpx.AsyncClient,
) -> None:
    missing = []
    for t in await schema_types(client):
        if not t["description"]:
            missing.append(t["name"])
        for f in t["fields"] or []:
            if not f["description"]:
                missing.append(f"{t['name']}.{f['name']}")
            missing += [
                f"{t['name']}.{f['name']}({a['name']})" for a in f["args"] if not a["description"]
            ]
        missing += [
            f"{t['name']}.{f['name']}" for f in t["inputFields"] or [] if not f["description"]
        ]
        missing += [
            f"{t['name']}.{v['name']}" for v in t["enumValues"] or [] if not v["description"]
        ]
    assert missing == []


async def test_every_amount_names_its_unit(client: httpx.AsyncClient) -> None:
    vague = []
    for t in await schema_types(client):
        for f in t["fields"] or []:
            kind = f["type"]["name"] or (f["type"]["ofType"] or {}).get("name")
            amount = AMOUNT.search(f["name"]) and not f["name"].endswith("Count")
            if kind in ("Int", "Float") and amount and not UNIT.search(f["description"] or ""):
                vague.append(f"{t['name']}.{f['name']}")
    assert vague == []


async def test_the_scalars_state_their_format(client: httpx.AsyncClient) -> None:
    scalars = {
        t["name"]: t["description"] for t in await schema_types(client) if t["kind"] == "SCALAR"
    }
    assert "YYYY-MM-DD" in scalars["Date"]
    assert "ISO 8601" in scalars["DateTime"]
    assert "JSON" in scalars["JSON"]
