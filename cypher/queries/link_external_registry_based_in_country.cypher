// Makes each ExternalRegistry's BASED_IN relationships to Country nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: ExternalRegistry.id, links: list of {to: Country.code, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:ExternalRegistry {id: row.from})
OPTIONAL MATCH (a)-[old:BASED_IN]->(b:Country)
WHERE NOT b.code IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Country {code: link.to})
MERGE (a)-[r:BASED_IN]->(b)
SET r = link.props
RETURN count(r) AS linked
