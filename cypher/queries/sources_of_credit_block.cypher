// The sources of a batch of CreditBlock nodes.
// Parameters: $keys (list of CreditBlock.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:CreditBlock {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
