// The sources of a batch of Sector nodes.
// Parameters: $keys (list of Sector.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Sector {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
