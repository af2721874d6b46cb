// Makes each Organization's DESIGNATED_AS_TPE relationships to Partnership nodes exactly the ones listed
// (stale ones are deleted, several per pair told apart by id).
// Parameters: $rows (list of {from: Organization.id, links: list of {to: Partnership.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Organization {id: row.from})
OPTIONAL MATCH (a)-[old:DESIGNATED_AS_TPE]->(:Partnership)
WHERE NOT old.id IN [l IN row.links | l.props.id]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Partnership {id: link.to})
MERGE (a)-[r:DESIGNATED_AS_TPE {id: link.props.id}]->(b)
SET r = link.props,
    r.designatedOn = date(link.props.designatedOn)
RETURN count(r) AS linked
