"""`paths`: how two entities are connected, as typed steps, shortest first."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from cypher.paths import MAX_HOPS, paths_between
from schema.context import RequestContext
from schema.errors import BadUserInput, LimitExceeded, NotFound
from schema.node import global_id, parse_global_id

Ctx = Info[RequestContext, None]
MAX_PATHS = 50


@strawberry.type(description="An entity on a path.")
class PathNode:
    id: strawberry.ID
    kind: str = strawberry.field(description="Its type, e.g. Project, Country.")
    key: str
    name: str | None


@strawberry.type(description="One way two entities are connected.")
class Path:
    hops: int
    nodes: list[PathNode]
    relationships: list[str] = strawberry.field(description="Types of the links, in order.")


@strawberry.type
class PathQuery:
    @strawberry.field(
        description=(
            "How two entities (global ids) are connected through projects, partnerships, "
            "participants, funding and the rest: fewest hops first, at most `maxHops` (≤ 6)."
        )
    )
    async def paths(
        self,
        info: Ctx,
        from_id: strawberry.ID,
        to_id: strawberry.ID,
        max_hops: int = 4,
        first: int = 10,
    ) -> list[Path]:
        if not 1 <= max_hops <= MAX_HOPS:
            raise LimitExceeded(f"maxHops may be 1 to {MAX_HOPS}", field="maxHops")
        if not 1 <= first <= MAX_PATHS:
            raise LimitExceeded(f"first may be 1 to {MAX_PATHS}", field="first")
        from_type, from_key = parse_global_id(from_id)
        to_type, to_key = parse_global_id(to_id)
        if from_id == to_id:
            raise BadUserInput("give two different entities", field="toId")
        store = info.context.store
        for type_name, key in ((from_type, from_key), (to_type, to_key)):
            from schema.root_reads import NODE_TYPES

            if type_name not in NODE_TYPES:
                raise BadUserInput(f"{type_name} is not a node type", field="fromId")
            if not await store.read(NODE_TYPES[type_name][1], {"keys": [key]}):
                raise NotFound(f"no {type_name} with key {key!r}")
        rows = await paths_between(store, from_type, from_key, to_type, to_key, max_hops, first)
        return [
            Path(
                hops=r["hops"],
                relationships=r["rels"],
                nodes=[
                    PathNode(
                        id=global_id(n["label"], n["key"]),
                        kind=n["label"],
                        key=str(n["key"]),
                        name=n["name"],
                    )
                    for n in r["nodes"]
                ],
            )
            for r in rows
        ]
