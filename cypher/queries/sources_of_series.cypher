// The sources of a batch of Series nodes.
// Parameters: $keys (list of Series.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Series {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
