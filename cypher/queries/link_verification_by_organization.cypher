// Makes each Verification's BY relationships to Organization nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Verification.id, links: list of {to: Organization.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Verification {id: row.from})
OPTIONAL MATCH (a)-[old:BY]->(b:Organization)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Organization {id: link.to})
MERGE (a)-[r:BY]->(b)
SET r = link.props
RETURN count(r) AS linked
