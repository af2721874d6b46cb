// Makes each Transaction's TO relationships to Account nodes exactly the ones listed
// (stale ones are deleted).
// Parameters: $rows (list of {from: Transaction.id, links: list of {to: Account.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:Transaction {id: row.from})
OPTIONAL MATCH (a)-[old:TO]->(b:Account)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Account {id: link.to})
MERGE (a)-[r:TO]->(b)
SET r = link.props
RETURN count(r) AS linked
