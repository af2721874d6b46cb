// The sources of a batch of Decision nodes.
// Parameters: $keys (list of Decision.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Decision {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
