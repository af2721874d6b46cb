// The sources of a batch of Organization nodes.
// Parameters: $keys (list of Organization.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Organization {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
