// The sources of a batch of Authorization nodes.
// Parameters: $keys (list of Authorization.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Authorization {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
