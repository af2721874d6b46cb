// The sources of a batch of Methodology nodes.
// Parameters: $keys (list of Methodology.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Methodology {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
