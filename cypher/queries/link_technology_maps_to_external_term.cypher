// Makes each Technology's MAPS_TO relationships to ExternalTerm nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Technology.id, links: list of {to: ExternalTerm.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Technology {id: row.from})
OPTIONAL MATCH (a)-[old:MAPS_TO]->(b:ExternalTerm)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:ExternalTerm {id: link.to})
MERGE (a)-[r:MAPS_TO]->(b)
SET r = link.props
RETURN count(r) AS linked
