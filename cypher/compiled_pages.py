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
      RETURN collect(b {.id}) AS rel0
    }
    RETURN i, n {.ref} AS node, sortKey, key, rel0
    ORDER BY i
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cypher.compiled_reads import NotComposable, Plan, Projection, calls, node_map, shapes
from cypher.registry import QueryRegistry

_PAGE_RETURN = "RETURN n {.*} AS node, sortKey"
# The line of a filled page statement that computes each row's sort values (its cursor).
_SORT_KEY = re.compile(r"^WITH n, \[.+\](?: /\*sortkey\*/)? AS sortKey$", re.MULTILINE)


def _page_head(page_text: str, cursors: bool = True) -> str:
    """A page statement of cypher/listing.py without its `RETURN n {.*} AS node, sortKey`;
    without `cursors`, without its sort values either (a request that selects no cursor:
    a page of 50 projects read 0.3 ms faster on FalkorDB without them)."""
    body = page_text.rstrip()
    if not body.endswith(_PAGE_RETURN):
        raise NotComposable(f"a page statement must end with `{_PAGE_RETURN}`")
    head = body.removesuffix(_PAGE_RETURN).rstrip()
    if cursors:
        return head
    head, found = _SORT_KEY.subn("WITH n", head)
    if found != 1:
        raise NotComposable("a page statement must compute its sortKey in one `WITH n, [...]`")
    return head


def projected_page(
    page_text: str, label: str, projection: Projection, *, cursors: bool = True
) -> str:
    """A page statement of cypher/listing.py returning only the properties the projection
    names for `label` (unchanged when it names none and `cursors` are asked for); without
    `cursors`, no `sortKey` column."""
    node = node_map("n", label, projection)
    if not cursors:
        return f"{_page_head(page_text, cursors=False)}\nRETURN {node} AS node"
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
    cursors: bool = True,
) -> str:
    """A page statement of cypher/listing.py (which ends `RETURN n {.*} AS node, sortKey`)
    that also returns the selected relations of each node of the page and, given the filled
    count statement, the total (`total` on every row; an empty page is one row with a null
    `i`). The rows are numbered before the subqueries and returned in that order, so the
    page keeps its own. Nodes are read as the projection says (see `node_map`); the page's
    are `label` nodes. Without `cursors`, no `sortKey` column."""
    if cursors:
        lines = [_page_head(page_text), "WITH collect({n: n, sortKey: sortKey}) AS page"]
        row = f"page[i].n AS n, page[i].sortKey AS sortKey, page[i].n.{key_prop} AS key"
    else:
        lines = [_page_head(page_text, cursors=False), "WITH collect(n) AS page"]
        row = f"page[i] AS n, page[i].{key_prop} AS key"
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
        f"WITH i{total}, {row}",
        *calls(registry, shapes(relations), projection, "n"),
        f"RETURN i, {node_map('n', label, projection)} AS node{', sortKey' if cursors else ''}"
        f", key{total}{columns}",
        "ORDER BY i",
    ]
    return "\n".join(lines)
