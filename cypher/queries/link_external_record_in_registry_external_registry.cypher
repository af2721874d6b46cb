// Makes each ExternalRecord's IN_REGISTRY relationships to ExternalRegistry nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: ExternalRecord.id, links: list of {to: ExternalRegistry.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:ExternalRecord {id: row.from})
OPTIONAL MATCH (a)-[old:IN_REGISTRY]->(b:ExternalRegistry)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:ExternalRegistry {id: link.to})
MERGE (a)-[r:IN_REGISTRY]->(b)
SET r = link.props
RETURN count(r) AS linked
