// The sources of a batch of CorrespondingAdjustment nodes.
// Parameters: $keys (list of CorrespondingAdjustment.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:CorrespondingAdjustment {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
