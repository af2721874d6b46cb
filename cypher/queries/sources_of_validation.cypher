// The sources of a batch of Validation nodes.
// Parameters: $keys (list of Validation.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Validation {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
