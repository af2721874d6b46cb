// Makes each CreditBlock's HELD_IN relationships to Account nodes exactly the ones listed
// (stale ones are deleted), and its `holder` the account's id (Neo4j pages an account's
// blocks by it: account_blocks.neo4j.cypher).
// Parameters: $rows (list of {from: CreditBlock.id, links: list of {to: Account.id, props}}).
// Columns: linked (int): relationships now in place for these rows.
UNWIND $rows AS row
MATCH (a:CreditBlock {id: row.from})
OPTIONAL MATCH (a)-[old:HELD_IN]->(b:Account)
WHERE NOT b.id IN [l IN row.links | l.to]
WITH a, row, collect(old) AS stale
FOREACH (x IN stale | DELETE x)
WITH a, row
UNWIND row.links AS link
MATCH (b:Account {id: link.to})
MERGE (a)-[r:HELD_IN]->(b)
SET r = link.props, a.holder = b.id
RETURN count(r) AS linked
