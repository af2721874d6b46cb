// The sources of a batch of ExternalRegistry nodes.
// Parameters: $keys (list of ExternalRegistry.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:ExternalRegistry {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
