// The sources of a batch of Issuance nodes.
// Parameters: $keys (list of Issuance.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Issuance {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
