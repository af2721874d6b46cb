// Makes each Project's HOSTED_IN relationships to Country nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Project.ref, links: list of {to: Country.code, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Project {ref: row.from})
OPTIONAL MATCH (a)-[old:HOSTED_IN]->(b:Country)
WHERE NOT b.code IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Country {code: link.to})
MERGE (a)-[r:HOSTED_IN]->(b)
SET r = link.props
RETURN count(r) AS linked
