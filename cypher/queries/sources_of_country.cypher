// The sources of a batch of Country nodes.
// Parameters: $keys (list of Country.code).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Country {code: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
