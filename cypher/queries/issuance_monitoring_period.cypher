// For a batch of Issuance nodes: the monitoring period each issuance covers.
// Parameters: $keys (list of Issuance.id).
// Columns: key (the Issuance.id asked for), node (map of the MonitoringPeriod), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Issuance {id: key})-[r:COVERS]->(b:MonitoringPeriod)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
