// The sources of a batch of Technology nodes.
// Parameters: $keys (list of Technology.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Technology {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
