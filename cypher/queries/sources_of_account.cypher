// The sources of a batch of Account nodes.
// Parameters: $keys (list of Account.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Account {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
