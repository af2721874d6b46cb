"""One statement for a node and the relations a request selects on it.

A GraphQL query such as `project(ref:) { title hostCountry { name } technologies { name }
participants { role organization { name } } sources { url } }` would otherwise cost one round
trip for the project and one per relation (DataLoader batches them, but each is a trip).
Here the named queries that serve those relations (`project_host_country`,
`project_technologies`, …: all of the form `UNWIND $keys AS key MATCH … RETURN key, b {.*}
AS node[, r {.*} AS rel] ORDER BY key, …`) are rewritten as CALL subqueries of the lookup
that start from the node already found, so the node and every relation come back in one
statement, each list in the order its own query gives. A page of a related list
(`country { projects(first: 5, after: $c) { totalCount nodes { ref } } }`, from a query such
as `country_projects`) comes the same way, as one `{total, hasNext, items}` column: the list
is matched once and counted, and only the page is sorted out and read. Nodes return the
properties the request needs (a `Projection`, built by schema/projection.py). Only
whitelisted named queries are composed: no client text reaches Cypher.

Example, for `project_by_key` with `project_technologies`, for `{ project(ref:) { title
technologies { name } } }`:

    UNWIND $keys AS key
    MATCH (root:Project {ref: key})
    CALL {
      WITH root
      MATCH (root)-[:USES]->(b:Technology)
      WITH b
      ORDER BY b.id
      RETURN collect(b {.id, .name}) AS rel0
    }
    RETURN key, root {.ref, .title} AS node, rel0

A relation's relationship properties come too (`rel: r {.*}`) where its query returns them
(`project_participants`: role and side).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from cypher.registry import QueryRegistry

_RELATED = re.compile(
    r"^UNWIND \$keys AS key\s+"
    r"(?P<match>MATCH .+?)\s+"
    r"RETURN key, (?P<node>\w+) \{\.\*\} AS node(?:, (?P<rel>\w+) \{\.\*\} AS rel)?\s+"
    r"ORDER BY key, (?P<order>.+?)\s*$",
    re.DOTALL,
)
# A page of a related list (`country_projects`: `{key, total, items, hasNext}` per key).
# The list is matched once: its nodes are collected, counted, then sorted to the page. Matched
# twice (once to count it), a page of 20 of an account's 16,698 blocks took Neo4j 22.7 ms
# against 18.8, and a country's page of 10 projects took FalkorDB 143-210 µs against 131-197.
_PAGED = re.compile(
    r"^UNWIND \$keys AS key\s+"
    r"(?P<start>MATCH \((?P<var>\w+):\w+ \{\w+: key\}\))\s+"
    r"CALL \{\s+WITH (?P=var)\s+MATCH \((?P=var)\)(?P<tail>.+?)\s+"
    r"RETURN collect\((?P<node>\w+)\) AS listed\s+\}\s+"
    r"CALL \{\s+WITH listed\s+UNWIND listed AS (?P=node)\s+"
    r"WITH (?P=node)\s+WHERE \$after IS NULL OR (?P=node)\.(?P<cursor>\w+) > \$after\s+"
    r"WITH (?P=node)\s+ORDER BY (?P<order>.+?)\s+LIMIT \$fetch\s+"
    r"RETURN collect\(\{node: (?P=node) \{\.\*\}\}\) AS found\s+\}\s+"
    r"RETURN key, size\(listed\) AS total, found\[0\.\.\$limit\] AS items, "
    r"size\(found\) > \$limit AS hasNext\s*$",
    re.DOTALL,
)
_LOOKUP = re.compile(
    r"^UNWIND \$keys AS key\s+(?P<match>MATCH \(n:\w+ \{\w+: key\}\))\s+"
    r"RETURN key, n \{\.\*\} AS node\s*$",
    re.DOTALL,
)


class NotComposable(ValueError):
    """A named query does not have the shape this module composes."""


@dataclass(frozen=True)
class Relation:
    name: str
    match: str
    node: str
    rel: str | None
    order: str
    # The property a page of it is keyed by (`ref` in `b.ref > $after`); None when it is
    # a plain list, not a page.
    cursor: str | None = None

    @property
    def carried(self) -> str:
        """What its rows bind, to carry through a WITH: the node, and the relationship where
        its properties are read (`b, r`)."""
        return f"{self.node}, {self.rel}" if self.rel else self.node

    @property
    def label(self) -> str | None:
        """The label of the node it returns (`Technology` in `(b:Technology)`)."""
        return _label(self.node, self.match)


def _label(variable: str, match: str) -> str | None:
    """The label `variable` has in a MATCH (`Technology` for `b` in `(b:Technology)`)."""
    found = re.search(rf"\({variable}:(\w+)", match)
    return found[1] if found else None


# Per node label, the properties to read (sorted); a label not named is read whole. Built by
# schema/projection.py from the request's selection; property names come from the API's own
# types, never from client text (and are checked to be names).
Projection = tuple[tuple[str, tuple[str, ...]], ...]
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@functools.lru_cache(maxsize=4096)
def node_map(variable: str, label: str | None, projection: Projection) -> str:
    """`b {.*}`, or `b {.id, .name}` when the projection names `label`."""
    props = dict(projection).get(label) if label else None
    if props is None:
        return f"{variable} {{.*}}"
    if not all(_NAME.match(p) for p in props):
        raise ValueError(f"not property names: {props}")
    return f"{variable} {{{', '.join('.' + p for p in props)}}}"


_WHOLE_MAP = re.compile(r"\b(\w+) \{\.\*(?=\s*[},])")  # `p {.*}` and `fp {.*, amount: …}`


def project_maps(text: str, projection: Projection) -> str:
    """`text` with each map of every property of a node whose label the projection names
    (`p {.*}`, `fp {.*, amount: f.amount}`) reading only the projection's properties (`p
    {.ref, .title}`, `fp {.id, amount: f.amount}`). Variables are matched to labels where the
    text binds them (`(p:Project)`); a variable bound to no label, or to one the projection
    does not name, keeps its whole map. A node an OPTIONAL MATCH left null must stay null,
    and FalkorDB answers `p {.ref}` of a null with `{ref: null}` (Neo4j with null), so each
    projected map is read as `CASE WHEN p IS NULL THEN null ELSE p {.ref} END`."""
    if not projection:
        return text
    named = dict(projection)
    parts, at = [], 0
    for found in _WHOLE_MAP.finditer(text):
        variable = found[1]
        label = _label(variable, text)
        if found.start() < at or label not in named:
            continue
        close = _closing_brace(text, text.index("{", found.start()))
        rest = text[found.end() : close]  # what the map has besides `.*`: `, amount: f.amount`
        projected = node_map(variable, label, projection)[:-1] + rest + "}"
        parts += [text[at : found.start()], f"CASE WHEN {variable} IS NULL THEN null ELSE "]
        parts += [projected, " END"]
        at = close + 1
    return "".join([*parts, text[at:]])


def _closing_brace(text: str, start: int) -> int:
    """The index of the `}` that closes the `{` at `start`."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise NotComposable(f"unclosed map in {text[start : start + 40]!r}")


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


# A registry's files do not change while it lives: what is read from them is kept (these run
# on every request that selects relations).
@functools.lru_cache(maxsize=1024)
def relation(registry: QueryRegistry, name: str) -> Relation:
    body = _body(registry.get(name).text).strip()
    found = _RELATED.match(body)
    if found:
        return Relation(name, found["match"], found["node"], found["rel"], found["order"])
    paged = _PAGED.match(body)
    if paged:
        match = paged["start"] + paged["tail"]
        return Relation(name, match, paged["node"], None, paged["order"], paged["cursor"])
    raise NotComposable(f"{name} is neither a `key, node, rel` query nor a page of one")


@dataclass(frozen=True)
class Paged:
    """A page of a related list (`country { projects(first: 5) { … } }`), with the relations
    to read on each node of the page. `limit` and `after` (a node key) are the page's
    arguments: sent as parameters, never written into the statement."""

    name: str
    nested: tuple[Plan, ...] = ()
    limit: int = 20
    after: str | int | None = None

    @property
    def shape(self) -> Paged:
        """What the statement's text depends on (its arguments left out)."""
        return Paged(self.name, shapes(self.nested))


# A relation to compose: its named query, or the query and the relations to read on each of
# its nodes in turn (`technologies { sectors { name } }`, to any depth), or a page of a
# related list (with the relations to read on the page's nodes).
Plan = str | tuple[str, tuple["Plan", ...]] | Paged


def plan_parts(item: Plan) -> tuple[str, tuple[Plan, ...]]:
    """A plan's named query and the plans nested in it."""
    if isinstance(item, Paged):
        return item.name, item.nested
    return (item, ()) if isinstance(item, str) else item


def shapes(relations: Sequence[Plan]) -> tuple[Plan, ...]:
    """The plans with the pages' arguments left out, at every depth."""
    out: list[Plan] = []
    for item in relations:
        if isinstance(item, Paged):
            out.append(item.shape)
        elif isinstance(item, str):
            out.append(item)
        else:
            out.append((item[0], shapes(item[1])))
    return tuple(out)


def relation_params(relations: Sequence[Plan]) -> Mapping[str, Any]:
    """The parameters of the pages among `relations`, at every depth: `rel0_limit`,
    `rel0_fetch`, `rel0_after` for the first relation, `rel0_sub1_limit`… for a page nested in
    it. Kept per plan (a request's relations repeat): read it, do not change it."""
    return _relation_params(tuple(relations), "")


@functools.lru_cache(maxsize=1024)
def _relation_params(relations: tuple[Plan, ...], prefix: str) -> Mapping[str, Any]:
    params: dict[str, Any] = {}
    for i, item in enumerate(relations):
        column = f"{prefix}sub{i}" if prefix else f"rel{i}"
        if isinstance(item, Paged):
            params[f"{column}_limit"] = item.limit
            params[f"{column}_fetch"] = item.limit + 1
            params[f"{column}_after"] = item.after
        params |= _relation_params(plan_parts(item)[1], f"{column}_")
    return MappingProxyType(params)


_KEYED = re.compile(r"^MATCH \((?P<var>\w+):\w+ \{(?P<prop>\w+): key\}\)")


def _keyed(r: Relation) -> re.Match[str]:
    keyed = _KEYED.match(r.match)
    if not keyed:
        raise NotComposable(f"{r.name} does not match its start node by key")
    return keyed


@functools.lru_cache(maxsize=1024)
def start_key(registry: QueryRegistry, name: str) -> str:
    """The key property relation `name` matches its start node by (`id` in
    `MATCH (a:Technology {id: key})…`): a nested relation is keyed by that property."""
    return _keyed(relation(registry, name))["prop"]


def _from_node(r: Relation, source: str) -> tuple[list[str], str]:
    """Relation `r`'s match starting from the node bound to `source` instead of looking its
    start node up again by key (one index seek less per row and relation), and the variable
    the match starts from. `MATCH (a:Project {ref: key})-[:USES]->(b:Technology)` from `root`
    becomes `MATCH (root)-[:USES]->(b:Technology)`. FalkorDB spends about 10 µs on a `WITH
    root AS a` renaming it first (a project's neighbourhood: 640 µs of its CPU against 620
    without); it is kept only where the rest of the match names the start node again."""
    keyed = _keyed(r)
    var, rest = keyed["var"], r.match[keyed.end() :]
    if source == var or not re.search(rf"\b({var}|{source})\b", rest):
        return [f"MATCH ({source}){rest}"], source
    return [f"WITH {source} AS {var}", f"MATCH ({var}){rest}"], var


def _apart_from(r: Relation, source: str) -> Relation:
    """`r` with its node or relationship variable renamed where it is `source`, the node the
    subquery starts from (a nested relation's `b` inside its parent's `b`): `b` becomes `b1`,
    in its match, its order and its maps."""
    if source not in (r.node, r.rel):
        return r
    fresh = next(f"{source}{n}" for n in range(1, 100) if not _names(f"{source}{n}", r))

    def renamed(text: str) -> str:
        return re.sub(rf"\b{source}\b", fresh, text)

    node = fresh if r.node == source else r.node
    rel = fresh if r.rel == source else r.rel
    return replace(r, match=renamed(r.match), node=node, rel=rel, order=renamed(r.order))


def _names(variable: str, r: Relation) -> bool:
    return bool(re.search(rf"\b{variable}\b", f"{r.match} {r.order}"))


def _subquery(
    registry: QueryRegistry,
    name: str,
    column: str,
    nested: tuple[Plan, ...],
    projection: Projection,
    source: str,
    path: str,
) -> list[str]:
    """Relation `name` from the node bound to `source` (imported into the subquery),
    collected as `column`; each of its nodes with the `nested` relations read on it. `path`
    names the parameters of the pages nested in it (`rel0_sub1_limit`)."""
    r = _apart_from(relation(registry, name), source)
    lines = [*_from_node(r, source)[0], f"WITH {r.carried}", f"ORDER BY {r.order}"]
    return lines + _collected(registry, r, nested, projection, column, path)


def _paged_subquery(
    registry: QueryRegistry,
    name: str,
    column: str,
    nested: tuple[Plan, ...],
    projection: Projection,
    source: str,
    path: str,
) -> list[str]:
    """A page of relation `name` from the node bound to `source`, as the map `{total,
    hasNext, items}` named `column`; its size and cursor are the parameters `$<path>_limit`,
    `$<path>_fetch` (one more) and `$<path>_after`. The list is matched once and counted,
    and only the page's nodes are read (with their `nested` relations), as its own query
    does."""
    r = _apart_from(relation(registry, name), source)
    if r.cursor is None:
        raise NotComposable(f"{name} is not a page query")
    limit, fetch, after = (f"${path}_{p}" for p in ("limit", "fetch", "after"))
    (*start, pattern), var = _from_node(r, source)
    page = [
        f"UNWIND listed AS {r.node}",
        f"WITH {r.node}",
        f"WHERE {after} IS NULL OR {r.node}.{r.cursor} > {after}",
        f"WITH {r.node}",
        f"ORDER BY {r.order}",
        f"LIMIT {fetch}",
        *_collected(registry, r, nested, projection, "found", path),
    ]
    return [
        *start,
        "CALL {",
        f"  WITH {var}",
        f"  {pattern}",
        f"  RETURN collect({r.node}) AS listed",
        "}",
        "CALL {",
        "  WITH listed",
        *(f"  {line}" for line in page),
        "}",
        "RETURN {total: size(listed), "
        f"hasNext: size(found) > {limit}, items: found[0..{limit}]}} AS {column}",
    ]


def _collected(
    registry: QueryRegistry,
    r: Relation,
    nested: tuple[Plan, ...],
    projection: Projection,
    column: str,
    path: str,
) -> list[str]:
    """The rows of relation `r` (its node and relationship bound, in order) collected as
    `column`, each node with the `nested` relations (or pages) read on it: `{node, rel,
    sub0, …}` maps, or the node's own map when it has neither (see `bare`)."""
    node = node_map(r.node, r.label, _with_keys(registry, r, nested, projection))
    if bare(r, nested):
        return [f"RETURN collect({node}) AS {column}"]
    fields = f"node: {node}" + (f", rel: {r.rel} {{.*}}" if r.rel else "")
    carried = r.carried
    lines: list[str] = []
    for j, inner in enumerate(nested):
        # The inner query sees only the node: its own a, b and r are new.
        lines += _call(registry, inner, f"sub{j}", projection, r.node, f"{path}_sub{j}")
        carried += f", sub{j}"
        fields += f", sub{j}: sub{j}"
    if nested:  # the rows come out of the subqueries in order, but say so
        lines += [f"WITH {carried}", f"ORDER BY {r.order}"]
    lines.append(f"RETURN collect({{{fields}}}) AS {column}")
    return lines


def bare(r: Relation, nested: Sequence[Plan]) -> bool:
    """Whether relation `r`'s items are collected as its nodes' maps alone, not wrapped in a
    `{node: …}` map: when they carry no relationship properties and no nested relation. A
    map less per item is less for the database to build and its client to parse (a page of
    50 projects with their countries and technologies, on FalkorDB: about 0.1 ms of 3.6)."""
    return r.rel is None and not nested


def _with_keys(
    registry: QueryRegistry, r: Relation, nested: tuple[Plan, ...], projection: Projection
) -> Projection:
    """The projection, with the properties the nested relations start from (they key the
    nested rows) and a page's cursor property added to the relation's own label."""
    props = dict(projection).get(r.label) if r.label else None
    needed = {start_key(registry, plan_parts(inner)[0]) for inner in nested}
    needed |= {r.cursor} - {None}
    if props is None or not needed:
        return projection
    added = tuple(sorted({*props, *needed}))
    return tuple((label, added if label == r.label else p) for label, p in projection)


def compose(
    registry: QueryRegistry, lookup: str, relations: Sequence[Plan], projection: Projection = ()
) -> str:
    """The text of one statement: the lookup's node and each relation as a list column (a
    page as a `{total, hasNext, items}` column, its arguments left to `relation_params`)."""
    return _compose(registry, lookup, shapes(relations), projection)


@functools.lru_cache(maxsize=1024)
def _compose(
    registry: QueryRegistry, lookup: str, relations: tuple[Plan, ...], projection: Projection
) -> str:
    head = _LOOKUP.match(_body(registry.get(lookup).text).strip())
    if not head:
        raise NotComposable(f"{lookup} is not a by-key lookup")
    # `root`, not the lookup's `n`: a subquery may use `n` of its own (sources_of_*).
    parts = ["UNWIND $keys AS key", head["match"].replace("(n:", "(root:", 1)]
    parts += calls(registry, relations, projection, "root")
    columns = "".join(f", rel{i}" for i in range(len(relations)))
    root = node_map("root", _label("n", head["match"]), projection)
    parts.append(f"RETURN key, {root} AS node{columns}")
    return "\n".join(parts)


@functools.lru_cache(maxsize=1024)
def calls(
    registry: QueryRegistry, relations: tuple[Plan, ...], projection: Projection, source: str
) -> list[str]:
    """One CALL subquery per relation, from the node bound to `source`, collected as rel0,
    rel1, …"""
    parts = []
    for i, item in enumerate(relations):
        parts += _call(registry, item, f"rel{i}", projection, source, f"rel{i}")
    return parts


def _call(
    registry: QueryRegistry,
    item: Plan,
    column: str,
    projection: Projection,
    source: str,
    path: str,
) -> list[str]:
    """One planned relation (a list or a page) as a CALL subquery from the node bound to
    `source`, returning `column`."""
    name, nested = plan_parts(item)
    build = _paged_subquery if isinstance(item, Paged) else _subquery
    body = build(registry, name, column, nested, projection, source, path)
    return ["CALL {", f"  WITH {source}", *(f"  {line}" for line in body), "}"]
