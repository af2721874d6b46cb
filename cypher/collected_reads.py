"""Several named queries answered in one statement, each as a list column.

`traceCredit` needs three reads that all hang off one series (where its units come from,
the transactions that moved the unit, the blocks it was split through). Sent one after the
other they cost three round trips; here each named query is rewritten as a CALL subquery
that collects its rows as maps, and one statement returns the three lists. The files stay
the single source of each query; only whitelisted named queries are composed.

Example, for `trace_unit_blocks` (`... RETURN b {.*} AS block ORDER BY b.quantity DESC,
b.first`) under the column `lineage`:

    CALL {
      MATCH (b:CreditBlock) WHERE ...
      WITH b {.*} AS block, b.quantity AS order0, b.first AS order1
      ORDER BY order0 DESC, order1
      RETURN collect({block: block}) AS lineage
    }
    RETURN lineage

A read may leave out columns of the composed queries that its answer does not need: each is
returned as null and its expression not run (a pattern comprehension is a traversal the
database makes, whatever becomes of its value).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from cypher.compiled_reads import NotComposable, Projection, project_maps
from cypher.packed_rows import last_return, top_level_parts
from cypher.registry import QueryRegistry
from cypher.store import GraphStore

_ORDER = re.compile(r"^ORDER\s+BY\s", re.IGNORECASE)
_DIRECTION = re.compile(r"^(?P<expr>.+?)(?:\s+(?P<dir>ASC|DESC))?$", re.DOTALL)


def collected(
    registry: QueryRegistry,
    name: str,
    column: str,
    projection: Projection = (),
    unread: frozenset[str] = frozenset(),
) -> str:
    """Named query `name` as a CALL subquery returning its rows, in order, as `column`; its
    nodes' whole maps read as the projection says (`project_maps`), and its columns named in
    `unread` returned as null without running their expressions."""
    text = "\n".join(
        line for line in registry.get(name).text.splitlines() if not line.lstrip().startswith("//")
    ).strip()
    text = project_maps(text, projection)
    if len(re.findall(r"\bRETURN\b", text, flags=re.IGNORECASE)) != 1:
        # A subquery, a UNION or a second RETURN would not compose into one CALL.
        raise NotComposable(f"{name} must have exactly one RETURN")
    try:
        clause = last_return(text)
    except ValueError as problem:
        raise NotComposable(f"{name}: {problem}") from None
    order_at = _ORDER.match(clause.tail)
    if clause.tail and not order_at:
        raise NotComposable(f"{name}: only ORDER BY may follow its RETURN items")
    aliases = list(clause.columns)
    items = [
        f"null AS {alias}" if alias in unread else item
        for item, alias in zip(clause.items, aliases, strict=True)
    ]
    order = []
    for i, term in enumerate(top_level_parts(clause.tail[order_at.end() :]) if order_at else []):
        found = _DIRECTION.match(term)
        assert found  # the pattern matches any text
        expr, direction = found["expr"].strip(), found["dir"]
        if expr not in aliases:  # a sort key that is not a column is carried as one
            items.append(f"{expr} AS order{i}")
            expr = f"order{i}"
        order.append(expr + (f" {direction}" if direction else ""))
    fields = ", ".join(f"{alias}: {alias}" for alias in aliases)
    distinct = "DISTINCT " if clause.distinct else ""
    lines = ["CALL {", clause.before.strip(), f"WITH {distinct}" + ", ".join(items)]
    if order:
        lines.append("ORDER BY " + ", ".join(order))
    lines += [f"RETURN collect({{{fields}}}) AS {column}", "}"]
    return "\n".join(lines)


def compose(
    registry: QueryRegistry,
    columns: dict[str, str],
    projection: Projection = (),
    unread: frozenset[str] = frozenset(),
) -> str:
    """One statement returning, per column, the rows of its named query (their own columns
    named in `unread` left null)."""
    return _compose(registry, tuple(columns.items()), projection, unread)


@functools.lru_cache(maxsize=256)  # the files do not change while the registry lives
def _compose(
    registry: QueryRegistry,
    columns: tuple[tuple[str, str], ...],
    projection: Projection,
    unread: frozenset[str],
) -> str:
    parts = [collected(registry, name, column, projection, unread) for column, name in columns]
    return "\n".join([*parts, "RETURN " + ", ".join(column for column, _ in columns)])


async def read_collected(
    store: GraphStore,
    statement: str,
    columns: dict[str, str],
    params: dict[str, Any],
    projection: Projection = (),
    unread: frozenset[str] = frozenset(),
) -> dict[str, list[dict[str, Any]]]:
    """Run the composition of `columns` (column -> named query) as the statement named
    `statement`, in one round trip; the parameters are shared by every query."""
    text = compose(store.registry, columns, projection, unread)
    rows = await store.read_text(statement, text, params)
    return {column: rows[0][column] for column in columns}
