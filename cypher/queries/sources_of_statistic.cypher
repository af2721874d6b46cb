// The sources of a batch of Statistic nodes.
// Parameters: $keys (list of Statistic.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:Statistic {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
