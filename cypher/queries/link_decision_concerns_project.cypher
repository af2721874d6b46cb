// Makes each Decision's CONCERNS relationships to Project nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Decision.id, links: list of {to: Project.ref, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Decision {id: row.from})
OPTIONAL MATCH (a)-[old:CONCERNS]->(b:Project)
WHERE NOT b.ref IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Project {ref: link.to})
MERGE (a)-[r:CONCERNS]->(b)
SET r = link.props
RETURN count(r) AS linked
