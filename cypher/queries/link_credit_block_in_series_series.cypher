// Makes each CreditBlock's IN_SERIES relationships to Series nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: CreditBlock.id, links: list of {to: Series.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:CreditBlock {id: row.from})
OPTIONAL MATCH (a)-[old:IN_SERIES]->(b:Series)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Series {id: link.to})
MERGE (a)-[r:IN_SERIES]->(b)
SET r = link.props
RETURN count(r) AS linked
