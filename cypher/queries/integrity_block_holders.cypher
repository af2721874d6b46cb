// Credit blocks whose `holder` is not the id of the account they are HELD_IN, or who have
// none: Neo4j pages an account's blocks by `holder` (account_blocks.neo4j.cypher), so such a
// block would be listed under the wrong account, or under none.
// Parameters: $seriesPrefix (string, '' for all).
// Columns: id (the block), account (the Account.id it is HELD_IN), holder (string or null).
MATCH (b:CreditBlock)-[:HELD_IN]->(a:Account)
WHERE b.series STARTS WITH $seriesPrefix AND (b.holder IS NULL OR b.holder <> a.id)
RETURN b.id AS id, a.id AS account, b.holder AS holder
ORDER BY id
