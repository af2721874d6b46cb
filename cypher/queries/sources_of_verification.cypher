// The sources of a batch of Verification nodes.
// Parameters: $keys (list of Verification.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Verification {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
