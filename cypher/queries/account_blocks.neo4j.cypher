// For a batch of Account nodes, one page of the credit blocks each account holds or held, ordered by CreditBlock.id.
// Neo4j reads the page from the (holder, id) index in its order, so a page costs the same for
// an account of ten blocks as for one of a hundred thousand; the count is the account's
// HELD_IN degree, which Neo4j keeps. (account_blocks.cypher, for FalkorDB, sorts the list.)
// Parameters: $keys (list of Account.id), $after (CreditBlock.id to start after, or null), $limit (int), $fetch ($limit + 1).
// Columns: key, total (int, all of them), items (list of {node} maps), hasNext (bool).
UNWIND $keys AS key
MATCH (a:Account {id: key})
CALL {
  WITH key
  MATCH (b:CreditBlock)
  WHERE b.holder = key AND b.id > coalesce($after, '')
  WITH b
  ORDER BY b.holder, b.id
  LIMIT $fetch
  RETURN collect({node: b {.*}}) AS found
}
RETURN key, COUNT { (a)<-[:HELD_IN]-() } AS total, found[0..$limit] AS items,
       size(found) > $limit AS hasNext
