// The sources of a batch of ExternalRecord nodes.
// Parameters: $keys (list of ExternalRecord.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:ExternalRecord {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
