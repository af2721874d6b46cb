// Makes each Methodology's IN_SECTOR relationships to Sector nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Methodology.id, links: list of {to: Sector.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Methodology {id: row.from})
OPTIONAL MATCH (a)-[old:IN_SECTOR]->(b:Sector)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Sector {id: link.to})
MERGE (a)-[r:IN_SECTOR]->(b)
SET r = link.props
RETURN count(r) AS linked
