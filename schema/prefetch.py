"""Reads a root field's node and the relations its selection asks for in one statement
(cypher/compiled_reads.py), then primes the request's data loaders with the rows, so the
nested resolvers answer from memory: `project(ref:) { hostCountry { name } technologies {
name } sources { url } }` is one database round trip instead of four. The relations selected
on those related nodes (`technologies { sectors { name } }`) come in the same statement, to
MAX_DEPTH levels, and a page of projects, countries or organizations reads them with the page
(cypher/listing.py). A page of a related list (`country { projects(first: 5) { nodes {
hostCountry { name } } } }`, `issuances { blocks(first: 10) { … } }`) comes in the same
statement too, at any of those levels, with the relations selected on its nodes. Deeper ones
go through the loaders (one batched trip a level)."""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    Undefined,
    VariableNode,
    value_from_ast,
)
from strawberry.types import Info

from cypher.compiled_reads import Paged, Plan
from cypher.compiled_rows import Related, read_with_relations
from schema.context import RequestContext
from schema.document_cache import DocumentCache, document_key, nested_variables_key
from schema.errors import ApiError
from schema.pagination import page_size, parse_key_cursor
from schema.projection import request_projection

Ctx = Info[RequestContext, None]

# Per node type: the GraphQL field -> the named query its resolver loads it with. Each such
# resolver is written with schema/node.py's `loaded`: schema/direct_fields.py calls it
# with nothing but the request's context.
RELATIONS: dict[str, dict[str, str]] = {
    "Project": {
        "hostCountry": "project_host_country",
        "partnership": "project_partnership",
        "technologies": "project_technologies",
        "methodologies": "project_methodologies",
        "participants": "project_participants",
        "funding": "project_funding",
        "validations": "project_validations",
        "monitoringPeriods": "project_monitoring_periods",
        "issuances": "project_issuances",
        "authorizations": "project_authorizations",
        "decisions": "project_decisions",
        "sources": "sources_of_project",
    },
    "Country": {
        "partnerships": "country_partnerships",
        "sources": "sources_of_country",
    },
    "Organization": {
        "country": "organization_country",
        "decisions": "organization_decisions",
        "sources": "sources_of_organization",
    },
    "Technology": {"sectors": "technology_sectors"},
    "Issuance": {"series": "issuance_series"},
}
# Per node type: a paged list field (`first`, `after`) -> the named query that pages it.
PAGES: dict[str, dict[str, str]] = {
    "Country": {"projects": "country_projects"},
    "Organization": {"projects": "organization_projects"},
    "Technology": {"projects": "technology_projects"},
    "Issuance": {"blocks": "issuance_blocks"},
}
# Relation fields whose items are nodes of a type above, so relations on them can be nested.
TARGETS: dict[str, str] = {
    "project_host_country": "Country",
    "project_technologies": "Technology",
    "project_issuances": "Issuance",
    "organization_country": "Country",
    "country_projects": "Project",
    "organization_projects": "Project",
    "technology_projects": "Project",
    "issuance_blocks": "CreditBlock",
}
LOOKUPS = {
    "Project": "project_by_key",
    "Country": "country_by_key",
    "Organization": "organization_by_key",
}


def _ast_fields(selection_set: Any, fragments: dict[str, Any]) -> list[FieldNode]:
    """The fields of a selection set of the query's syntax tree, fragments flattened (read
    from the tree, not Strawberry's converted copy of it: that conversion walks the whole
    query each time and cost several % of a request)."""
    out: list[FieldNode] = []
    for node in selection_set.selections if selection_set else ():
        if isinstance(node, FieldNode):
            out.append(node)
        elif isinstance(node, InlineFragmentNode):
            out += _ast_fields(node.selection_set, fragments)
        elif isinstance(node, FragmentSpreadNode) and node.name.value in fragments:
            out += _ast_fields(fragments[node.name.value].selection_set, fragments)
    return out


def _node_fields(root: FieldNode, path: tuple[str, ...], fragments: dict) -> list[FieldNode]:
    """The fields selected on the nodes of `root`, following `path` (e.g. nodes, or edges
    then node, for a connection)."""
    current = [root]
    for step in path:
        current = [
            f
            for c in current
            for f in _ast_fields(c.selection_set, fragments)
            if f.name.value == step
        ]
    return [f for c in current for f in _ast_fields(c.selection_set, fragments)]


# Levels of relations below a root field that its statement reads (`project { technologies {
# sectors { … } } }` is two); deeper ones go through the loaders, a batched trip a level.
MAX_DEPTH = 4


def selected_relations(info: Ctx, type_name: str, under: str | None = None) -> tuple[Plan, ...]:
    """The relation queries the current root field's selection needs on its `type_name`
    nodes (for a connection, those under `nodes` and `edges { node }`; with `under`, those
    under that field of it), each with those selected on its own nodes, and the pages of
    related lists among them, down to MAX_DEPTH."""
    raw = info._raw_info
    document = document_key(raw)
    key = None
    if document is not None:
        # The root field's own arguments (`project(ref: $ref)`) do not change these plans.
        variables = nested_variables_key(
            document, raw.operation, raw.fragments.values(), _coerced(raw.variable_values)
        )
        if variables is not None:
            key = (document, tuple(raw.path.as_list()), type_name, under, variables)
    return _PLANS.get_or_make(key, lambda: _root_plans(raw, type_name, under))


def _coerced(values: Any) -> Any:
    return getattr(values, "coerced", values)


# Per document, place and the variables below the root (a page's size and cursor may be some).
_PLANS: DocumentCache[tuple[Plan, ...]] = DocumentCache()


def _root_plans(raw: Any, type_name: str, under: str | None) -> tuple[Plan, ...]:
    paths = ((under,),) if under else ((), ("nodes",), ("edges", "node"))
    fields = [
        f
        for root in raw.field_nodes
        for path in paths
        for f in _node_fields(root, path, raw.fragments)
    ]
    return tuple(_plans(raw, fields, type_name, 1))


def _plans(raw: Any, fields: list[FieldNode], type_name: str, depth: int) -> list[Plan]:
    """The relations and pages `fields` select on `type_name` nodes, at `depth`."""
    selected: dict[str, list[FieldNode]] = {}
    for name, field in _relation_fields(fields, type_name):
        selected.setdefault(name, []).append(field)
    plans: list[Plan] = []
    for name, nodes in selected.items():
        # Every place the relation is selected (aliases, fragments) reads the same rows.
        inner = [f for node in nodes for f in _ast_fields(node.selection_set, raw.fragments)]
        nested = _nested(raw, inner, TARGETS.get(name), depth)
        plans.append((name, nested) if nested else name)
    pages = [page for f in fields if (page := _paged(raw, f, type_name, depth)) is not None]
    return plans + list(dict.fromkeys(pages))


def _nested(raw: Any, fields: list[FieldNode], target: str | None, depth: int) -> tuple[Plan, ...]:
    if target is None or depth >= MAX_DEPTH:
        return ()
    return tuple(_plans(raw, fields, target, depth + 1))


def _arguments(raw: Any, field: FieldNode, type_name: str) -> dict[str, Any] | None:
    """A field's arguments, coerced by GraphQL's own rules to the types the schema declares;
    None when one cannot be (its resolver then reports it). An argument given as a variable
    the request left out is absent, as in execution."""
    declared = raw.schema.get_type(type_name).fields[field.name.value].args
    values: dict[str, Any] = {}
    for arg in field.arguments:
        name = arg.name.value
        value = value_from_ast(arg.value, declared[name].type, raw.variable_values)
        if value is Undefined:
            if isinstance(arg.value, VariableNode):
                continue
            return None
        values[name] = value
    return values


def _paged(raw: Any, field: FieldNode, type_name: str, depth: int) -> Paged | None:
    """The page a paged list field asks for, with the relations selected on its nodes; None
    when its arguments are not usable (its resolver then reads it and reports the error)."""
    name = PAGES.get(type_name, {}).get(field.name.value)
    if name is None:
        return None
    arguments = _arguments(raw, field, type_name)
    if arguments is None:
        return None
    try:
        limit = page_size(arguments.get("first"))
        after = parse_key_cursor(arguments.get("after"))
    except ApiError:
        return None
    inner = [
        f
        for path in (("nodes",), ("edges", "node"))
        for f in _node_fields(field, path, raw.fragments)
    ]
    return Paged(name, _nested(raw, inner, TARGETS[name], depth), limit, after)


def selected_names(info: Ctx, under: tuple[str, ...] = ()) -> set[str]:
    """The names of the fields the current field's selection asks for (e.g. a connection's
    totalCount), or asks for under the path `under` of it, fragments included, read from the
    query's syntax tree."""
    raw = info._raw_info
    return names_under(raw.field_nodes, raw.fragments, under)


def names_under(fields: list[FieldNode], fragments: dict, under: tuple[str, ...]) -> set[str]:
    """The names of the fields selected under the path `under` of `fields` (one field's
    nodes in a document)."""
    return {f.name.value for root in fields for f in _node_fields(root, under, fragments)}


def selects(info: Ctx, name: str) -> bool:
    return name in selected_names(info)


def _relation_fields(fields: list[FieldNode], type_name: str) -> list[tuple[str, FieldNode]]:
    known = RELATIONS.get(type_name, {})
    # A field with arguments (a paged relation) keeps its own loader.
    return [(known[f.name.value], f) for f in fields if f.name.value in known and not f.arguments]


async def prefetch(
    info: Ctx, type_name: str, keys: list[Any], under: str | None = None
) -> dict[Any, dict[str, Any]]:
    """Reads the nodes of `keys` with the relations the request selects on them (`under`: on
    that field of the current one) in one round trip and primes the loaders; returns the
    nodes found, by key."""
    relations = selected_relations(info, type_name, under)
    lookup = LOOKUPS[type_name]
    projection = request_projection(info._raw_info)
    nodes, related = await read_with_relations(
        info.context.store, lookup, relations, keys, projection
    )
    info.context.loaders.by_key(lookup).prime_many(nodes)
    prime_related(info, related)
    return nodes


def prime_related(info: Ctx, related: Related) -> None:
    """Primes the relation and page loaders with the relations a composed statement read."""
    loaders = info.context.loaders
    for name, per_key in related.lists.items():
        loaders.prime_related(name, per_key)
    for (name, limit, after), per_key in related.pages.items():
        loaders.page(name, limit, after).prime_many(per_key)
