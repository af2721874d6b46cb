"""Descriptions for the schema items that repeat across types (paging, filters, provenance,
sort orders) and for those defined in schema/field_docs.py, applied to the built schema so
that every type, field, argument and enum value is documented (tests/schema/
test_descriptions.py checks that none is left). A description written where an item is
declared wins over these."""

from __future__ import annotations

import re

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
)

from schema.field_docs import ARGUMENTS, ENUM_VALUES, FIELDS, TYPES

# Fields whose meaning is the same on every type that has them.
COMMON_FIELDS = {
    "id": "Global object id (Relay): pass it to `node(id:)` or `nodes(ids:)`.",
    "key": "The record's own key in the graph, stable across loads (e.g. `ISS-MN-2016-1`).",
    "dataQuality": "How far the record can be trusted: OFFICIAL (an official source states "
    "it), SECONDARY (news, copies, third parties) or ILLUSTRATIVE (made up, never real).",
    "sources": "The public sources the record was transcribed from.",
    "sourceUrls": "URLs of the sources the record was transcribed from.",
    "note": "What a reader should know about the record, in words (caveats, how a value was read).",
    "totalCount": "How many items match, over all pages.",
    "pageInfo": "Where this page sits: whether more pages follow or precede, and the cursors.",
    "edges": "The items of this page, each with its cursor.",
    "nodes": "The items of this page.",
    "cursor": "Opaque position of this item: pass it as `after` or `before` to page on.",
    "node": "The item.",
    "AND": "All of these conditions hold.",
    "OR": "At least one of these conditions holds.",
    "NOT": "This condition does not hold.",
    "direction": "Ascending (the default) or descending.",
    "name": "Its name, as the sources give it.",
    "title": "Its title, as the sources give it.",
    "ids": "Match any of these keys.",
}
# Arguments whose meaning is the same on every field that takes them.
COMMON_ARGUMENTS = {
    "first": "Page size, counted from the start or from `after` (1 to 100; default 20).",
    "after": "Cursor of the item after which the page starts (from `pageInfo.endCursor`).",
    "last": "Page size, counted back from the end or from `before` (1 to 100).",
    "before": "Cursor of the item before which the page ends (from `pageInfo.startCursor`).",
    "filter": "Conditions the items must meet (fields are ANDed; use AND, OR, NOT to combine).",
    "orderBy": "Sort keys, most significant first; the key breaks ties last.",
    "key": "The record's key, e.g. `ISS-MN-2016-1`.",
    "ref": "A project reference, e.g. `ID004` (a former `X-…` placeholder also works).",
    "code": "An ISO 3166-1 alpha-2 country code, e.g. `ID`.",
    "idempotencyKey": "Any string you choose: a retry with the same key and the same input "
    "replays the first result instead of applying the change twice (keys are per caller).",
    "provenance": "Who the change comes from and its sources, recorded with the change.",
    "input": "What to change (see the input type's fields).",
    "asOf": "Read the ledger as it stood at the end of this date (YYYY-MM-DD); default today.",
    "dataQuality": "Only records of these data qualities.",
    "creditQuality": "Count credits of these data qualities only (default OFFICIAL and "
    "SECONDARY: illustrative credits stay out of totals unless asked for).",
    "seriesPrefix": "Only series whose key starts with this (e.g. `JP-`); empty for all.",
    "party": "The country (ISO code) whose reports or holdings are asked for.",
    "year": "The calendar year reported on.",
    "registry": "An external registry's key, e.g. `T-VER`.",
    "externalRecordId": "An external record's key, `<registry>:<externalId>`.",
    "groupBy": "The dimensions to group by; none gives one total.",
}
# Scalars: Strawberry's own words for Date say nothing of the format.
SCALARS = {
    "Date": "A calendar date, ISO 8601: YYYY-MM-DD.",
    "DateTime": "An instant, ISO 8601 with its UTC offset: YYYY-MM-DDTHH:MM:SS.ffffff+00:00.",
    "JSON": "A JSON value (object, list, text, number, boolean or null).",
}
PLURAL_SUFFIXES = {"Connection": "A page of {}s", "Edge": "One {} in a page, with its cursor"}


def _words(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()


def _type_description(t: GraphQLNamedType) -> str | None:
    name = t.name
    if name in TYPES:
        return TYPES[name]
    for suffix, template in PLURAL_SUFFIXES.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return template.format(_words(name[: -len(suffix)])) + "."
    if name.endswith("OrderField"):
        return f"What {_words(name[: -len('OrderField')])} lists can be sorted by."
    if name.endswith("Order"):
        return f"One sort key of a {_words(name[: -len('Order')])} list, with its direction."
    if name.endswith("Filter"):
        return f"Conditions on {_words(name[: -len('Filter')])}s; all given fields must hold."
    return None


def _field_description(type_name: str, field: str) -> str | None:
    specific = FIELDS.get(type_name, {})
    if field in specific:
        return specific[field]
    if type_name.endswith("Order") and field == "field":
        return "The value to sort by."
    return COMMON_FIELDS.get(field)


def _enum_description(type_name: str, value: str) -> str | None:
    if value in ENUM_VALUES.get(type_name, {}):
        return ENUM_VALUES[type_name][value]
    if type_name.endswith("OrderField"):
        return "Sort by the record's key." if value == "KEY" else f"Sort by {_words_upper(value)}."
    return None


def _words_upper(value: str) -> str:
    return value.lower().replace("_", " ")


def document(schema: GraphQLSchema) -> None:
    """Fills every missing description it has words for (declared ones are kept)."""
    for name, t in schema.type_map.items():
        if name.startswith("__"):
            continue
        if name in SCALARS:
            t.description = SCALARS[name]
        if not t.description:
            t.description = _type_description(t)
        if isinstance(t, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for fname, field in t.fields.items():
                if not field.description:
                    field.description = _field_description(name, fname)
                for aname, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        arg.description = ARGUMENTS.get(f"{name}.{fname}", {}).get(
                            aname
                        ) or COMMON_ARGUMENTS.get(aname)
        elif isinstance(t, GraphQLEnumType):
            for vname, value in t.values.items():
                if not value.description:
                    value.description = _enum_description(name, vname)
        elif isinstance(t, GraphQLUnionType) and not t.description:
            t.description = TYPES.get(name)
