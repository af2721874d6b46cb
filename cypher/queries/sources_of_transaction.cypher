// The sources of a batch of Transaction nodes.
// Parameters: $keys (list of Transaction.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Transaction {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
