// Makes each FundingProgramme's ADMINISTERED_BY relationships to Organization nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: FundingProgramme.id, links: list of {to: Organization.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:FundingProgramme {id: row.from})
OPTIONAL MATCH (a)-[old:ADMINISTERED_BY]->(b:Organization)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Organization {id: link.to})
MERGE (a)-[r:ADMINISTERED_BY]->(b)
SET r = link.props
RETURN count(r) AS linked
