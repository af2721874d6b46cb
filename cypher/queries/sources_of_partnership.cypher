// The sources of a batch of Partnership nodes.
// Parameters: $keys (list of Partnership.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Partnership {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
