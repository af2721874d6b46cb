// Makes each Series's ISSUED_UNDER relationships to Issuance nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Series.id, links: list of {to: Issuance.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Series {id: row.from})
OPTIONAL MATCH (a)-[old:ISSUED_UNDER]->(b:Issuance)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Issuance {id: link.to})
MERGE (a)-[r:ISSUED_UNDER]->(b)
SET r = link.props
RETURN count(r) AS linked
