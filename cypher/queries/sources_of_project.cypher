// The sources of a batch of Project nodes.
// Parameters: $keys (list of Project.ref).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Project {ref: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
