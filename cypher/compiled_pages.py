"""A page of a listing (cypher/listing.py) in one statement with what the request selects on
its nodes: the properties it needs (a `Projection`), the relations selected on each node
(the subqueries of cypher/compiled_reads.py, from the node of the page) and, when asked for,
the total the filter matches.

Example, for `{ projects(first: 20) { nodes { ref technologies { key } } } }`: the page
statement without its `RETURN n {.*} AS node, sortKey`, then

    WITH collect({n: n, sortKey: sortKey}) AS page
    UNWIND range(0, size(page) - 1) AS i
    WITH i, page[i].n AS n, page[i].sortKey AS sortKey, page[i].n.ref AS key
    CALL {
      WITH n
      WITH n AS a
      MATCH (a)-[:USES]->(b:Technology)
      WITH b
      ORDER BY b.id
      RETURN collect({node: b {.id}}) AS rel0
    }
    RETURN i, n {.ref} AS node, sortKey, key, rel0
    ORDER BY i
"""

from __future__ import annotations

from collections.abc import Sequence

from cypher.compiled_reads import NotComposable, Plan, Projection, calls, node_map, shapes
from cypher.registry import QueryRegistry

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
    relations: Sequence[Plan],
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
        *calls(registry, shapes(relations), projection, "n"),
        f"RETURN i, {node_map('n', label, projection)} AS node, sortKey, key{total}{columns}",
        "ORDER BY i",
    ]
    return "\n".join(lines)
