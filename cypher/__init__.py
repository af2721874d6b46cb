"""Everything that talks to the graph: named Cypher queries, the store port and its adapters,
migrations and the embedded FalkorDB launcher. Nothing here imports Strawberry."""
