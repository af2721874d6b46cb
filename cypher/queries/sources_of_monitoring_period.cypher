// The sources of a batch of MonitoringPeriod nodes.
// Parameters: $keys (list of MonitoringPeriod.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:MonitoringPeriod {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
