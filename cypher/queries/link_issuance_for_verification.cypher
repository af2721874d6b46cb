// Makes each Issuance's FOR relationships to Verification nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Issuance.id, links: list of {to: Verification.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Issuance {id: row.from})
OPTIONAL MATCH (a)-[old:FOR]->(b:Verification)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Verification {id: link.to})
MERGE (a)-[r:FOR]->(b)
SET r = link.props
RETURN count(r) AS linked
