// The sources of a batch of ExternalTerm nodes.
// Parameters: $keys (list of ExternalTerm.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:ExternalTerm {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
