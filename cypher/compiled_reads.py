"""One statement for a node and the relations a request selects on it.

A GraphQL query such as `project(ref:) { title hostCountry { name } technologies { name }
participants { role organization { name } } sources { url } }` would otherwise cost one round
trip for the project and one per relation (DataLoader batches them, but each is a trip).
Here the named queries that serve those relations (`project_host_country`,
`project_technologies`, …: all of the form `UNWIND $keys AS key MATCH … RETURN key, b {.*}
AS node[, r {.*} AS rel] ORDER BY key, …`) are rewritten as CALL subqueries of the lookup
that start from the node already found, so the node and every relation come back in one
statement, each list in the order its own query gives. Nodes return the properties the
request needs (a `Projection`, built by schema/projection.py). Only whitelisted named queries
are composed: no client text reaches Cypher.

Example, for `project_by_key` with `project_technologies`, for `{ project(ref:) { title
technologies { name } } }`:

    UNWIND $keys AS key
    MATCH (root:Project {ref: key})
    CALL {
      WITH root
      WITH root AS a
      MATCH (a)-[r:USES]->(b:Technology)
      WITH b, r
      ORDER BY b.id
      RETURN collect({node: b {.id, .name}, rel: r {.*}}) AS rel0
    }
    RETURN key, root {.ref, .title} AS node, rel0
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from cypher.registry import QueryRegistry
from cypher.store import GraphStore

_RELATED = re.compile(
    r"^UNWIND \$keys AS key\s+"
    r"(?P<match>MATCH .+?)\s+"
    r"RETURN key, (?P<node>\w+) \{\.\*\} AS node(?:, (?P<rel>\w+) \{\.\*\} AS rel)?\s+"
    r"ORDER BY key, (?P<order>.+?)\s*$",
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


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


# A registry's files do not change while it lives: what is read from them is kept (these run
# on every request that selects relations).
@functools.lru_cache(maxsize=1024)
def relation(registry: QueryRegistry, name: str) -> Relation:
    found = _RELATED.match(_body(registry.get(name).text).strip())
    if not found:
        raise NotComposable(f"{name} is not a `key, node, rel` query")
    return Relation(name, found["match"], found["node"], found["rel"], found["order"])


# A relation to compose: its named query, or the query and the relations to read on each of
# its nodes in turn (one level of nesting: `technologies { sectors { name } }`).
Plan = str | tuple[str, tuple[str, ...]]


def _plan(item: Plan) -> tuple[str, tuple[str, ...]]:
    return (item, ()) if isinstance(item, str) else item


_KEYED = re.compile(r"^MATCH \((?P<var>\w+):\w+ \{(?P<prop>\w+): key\}\)")


def _keyed(registry: QueryRegistry, name: str) -> re.Match[str]:
    keyed = _KEYED.match(relation(registry, name).match)
    if not keyed:
        raise NotComposable(f"{name} does not match its start node by key")
    return keyed


@functools.lru_cache(maxsize=1024)
def start_key(registry: QueryRegistry, name: str) -> str:
    """The key property relation `name` matches its start node by (`id` in
    `MATCH (a:Technology {id: key})…`): a nested relation is keyed by that property."""
    return _keyed(registry, name)["prop"]


@functools.lru_cache(maxsize=1024)
def _from_node(registry: QueryRegistry, name: str, source: str) -> list[str]:
    """Relation `name`'s match, starting from the node bound to `source` instead of looking
    its start node up again by key (`MATCH (a:Project {ref: key})-[r:USES]->…` becomes
    `WITH n AS a` then `MATCH (a)-[r:USES]->…`): one index seek less per row and relation."""
    keyed = _keyed(registry, name)
    match = relation(registry, name).match
    lines = [] if source == keyed["var"] else [f"WITH {source} AS {keyed['var']}"]
    return [*lines, f"MATCH ({keyed['var']}){match[keyed.end() :]}"]


def _subquery(
    registry: QueryRegistry,
    name: str,
    column: str,
    nested: tuple[str, ...],
    projection: Projection,
    source: str,
) -> list[str]:
    """Relation `name` from the node bound to `source` (imported into the subquery),
    collected as `column`; each of its nodes with the `nested` relations read on it."""
    r = relation(registry, name)
    node = node_map(r.node, r.label, _with_keys(registry, r, nested, projection))
    fields = f"node: {node}" + (f", rel: {r.rel} {{.*}}" if r.rel else "")
    carried = f"{r.node}, {r.rel}" if r.rel else r.node
    lines = [*_from_node(registry, name, source), f"WITH {carried}", f"ORDER BY {r.order}"]
    for j, inner in enumerate(nested):
        # The inner query sees only the node: its own a, b and r are new.
        body = _subquery(registry, inner, f"sub{j}", (), projection, r.node)
        lines += ["CALL {", f"  WITH {r.node}", *(f"  {line}" for line in body), "}"]
        carried += f", sub{j}"
        fields += f", sub{j}: sub{j}"
    if nested:  # the rows come out of the subqueries in order, but say so
        lines += [f"WITH {carried}", f"ORDER BY {r.order}"]
    lines.append(f"RETURN collect({{{fields}}}) AS {column}")
    return lines


def _with_keys(
    registry: QueryRegistry, r: Relation, nested: tuple[str, ...], projection: Projection
) -> Projection:
    """The projection, with the properties the nested relations start from added to the
    relation's own label (they key the nested rows)."""
    props = dict(projection).get(r.label) if r.label else None
    if props is None or not nested:
        return projection
    added = tuple(sorted({*props, *(start_key(registry, inner) for inner in nested)}))
    return tuple((label, added if label == r.label else p) for label, p in projection)


def compose(
    registry: QueryRegistry, lookup: str, relations: list[Plan], projection: Projection = ()
) -> str:
    """The text of one statement: the lookup's node and each relation as a list column."""
    return _compose(registry, lookup, tuple(relations), projection)


@functools.lru_cache(maxsize=1024)
def _compose(
    registry: QueryRegistry, lookup: str, relations: tuple[Plan, ...], projection: Projection
) -> str:
    head = _LOOKUP.match(_body(registry.get(lookup).text).strip())
    if not head:
        raise NotComposable(f"{lookup} is not a by-key lookup")
    # `root`, not the lookup's `n`: a subquery may use `n` of its own (sources_of_*).
    parts = ["UNWIND $keys AS key", head["match"].replace("(n:", "(root:", 1)]
    parts += _calls(registry, relations, projection, "root")
    columns = "".join(f", rel{i}" for i in range(len(relations)))
    root = node_map("root", _label("n", head["match"]), projection)
    parts.append(f"RETURN key, {root} AS node{columns}")
    return "\n".join(parts)


@functools.lru_cache(maxsize=1024)
def _calls(
    registry: QueryRegistry, relations: tuple[Plan, ...], projection: Projection, source: str
) -> list[str]:
    """One CALL subquery per relation, from the node bound to `source`, collected as rel0,
    rel1, …"""
    parts = []
    for i, item in enumerate(relations):
        name, nested = _plan(item)
        body = _subquery(registry, name, f"rel{i}", nested, projection, source)
        parts += ["CALL {", f"  WITH {source}", *(f"  {line}" for line in body), "}"]
    return parts


_PAGE_RETURN = "RETURN n {.*} AS node, sortKey"


def _page_head(page_text: str) -> str:
    """A page statement of cypher/listing.py without its `RETURN n {.*} AS node, sortKey`."""
    body = page_text.rstrip()
    if not body.endswith(_PAGE_RETURN):
        raise NotComposable(f"a page statement must end with `{_PAGE_RETURN}`")
    return body.removesuffix(_PAGE_RETURN).rstrip()


def projected_page(page_text: str, label: str, projection: Projection) -> str:
    """A page statement of cypher/listing.py returning only the properties the projection
    names for `label` (unchanged when it names none)."""
    node = node_map("n", label, projection)
    if node == "n {.*}":
        return page_text
    return f"{_page_head(page_text)}\nRETURN {node} AS node, sortKey"


def composed_page(
    registry: QueryRegistry,
    page_text: str,
    key_prop: str,
    relations: list[Plan],
    count_text: str | None = None,
    *,
    label: str | None = None,
    projection: Projection = (),
) -> str:
    """A page statement of cypher/listing.py (which ends `RETURN n {.*} AS node, sortKey`)
    that also returns the selected relations of each node of the page and, given the filled
    count statement, the total (`total` on every row; an empty page is one row with a null
    node). The rows are numbered before the subqueries and returned in that order, so the
    page keeps its own. Nodes are read as the projection says (see `node_map`); the page's
    are `label` nodes."""
    lines = [_page_head(page_text), "WITH collect({n: n, sortKey: sortKey}) AS page"]
    total = ""
    if count_text is not None:
        lines += ["CALL {", *(f"  {line}" for line in count_text.strip().splitlines()), "}"]
        lines.append(
            "UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END AS i"
        )
        total = ", total"
    else:
        lines.append("UNWIND range(0, size(page) - 1) AS i")
    columns = "".join(f", rel{i}" for i in range(len(relations)))
    lines += [
        f"WITH i{total}, page[i].n AS n, page[i].sortKey AS sortKey, page[i].n.{key_prop} AS key",
        *_calls(registry, tuple(relations), projection, "n"),
        f"RETURN i, {node_map('n', label, projection)} AS node, sortKey, key{total}{columns}",
        "ORDER BY i",
    ]
    return "\n".join(lines)


Rows = list[dict[str, Any]]
# Per relation query, its rows (each with `key`, `node` and, where the query has one, `rel`);
# per nested relation query, its rows per key of the related node.
Related = tuple[dict[str, Rows], dict[str, dict[Any, Rows]]]


def related_of(registry: QueryRegistry, row: dict[str, Any], relations: list[Plan]) -> Related:
    """The relation columns of one row of a composed statement, unpacked."""
    direct: dict[str, Rows] = {}
    nested_rows: dict[str, dict[Any, Rows]] = {}
    for i, item in enumerate(relations):
        name, nested = _plan(item)
        items = row[f"rel{i}"]
        direct[name] = [
            {
                "key": row["key"],
                "node": entry["node"],
                **({"rel": entry["rel"]} if "rel" in entry else {}),
            }
            for entry in items
        ]
        for j, inner in enumerate(nested):
            prop = start_key(registry, inner)
            per_node = nested_rows.setdefault(inner, {})
            for entry in items:
                key = entry["node"][prop]
                per_node[key] = [{"key": key, **sub} for sub in entry[f"sub{j}"]]
    return direct, nested_rows


async def read_with_relations(
    store: GraphStore,
    lookup: str,
    relations: list[Plan],
    keys: list[Any],
    projection: Projection = (),
) -> dict[Any, tuple[dict[str, Any], Related]]:
    """Per key found: the node's properties (those the projection names) and its relations
    (see `related_of`), in one round trip."""
    text = compose(store.registry, lookup, relations, projection)
    rows = await store.read_text(f"{lookup}_with_relations", text, {"keys": keys})
    return {row["key"]: (row["node"], related_of(store.registry, row, relations)) for row in rows}
