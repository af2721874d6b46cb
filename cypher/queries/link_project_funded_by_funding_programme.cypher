// Makes each Project's FUNDED_BY relationships to FundingProgramme nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Project.ref, links: list of {to: FundingProgramme.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Project {ref: row.from})
OPTIONAL MATCH (a)-[old:FUNDED_BY]->(b:FundingProgramme)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:FundingProgramme {id: link.to})
MERGE (a)-[r:FUNDED_BY]->(b)
SET r = link.props
RETURN count(r) AS linked
