// Makes each Verification's OF relationships to MonitoringPeriod nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Verification.id, links: list of {to: MonitoringPeriod.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Verification {id: row.from})
OPTIONAL MATCH (a)-[old:OF]->(b:MonitoringPeriod)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:MonitoringPeriod {id: link.to})
MERGE (a)-[r:OF]->(b)
SET r = link.props
RETURN count(r) AS linked
