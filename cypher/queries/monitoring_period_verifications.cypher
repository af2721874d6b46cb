// For a batch of MonitoringPeriod nodes: the verifications of each monitoring period.
// Parameters: $keys (list of MonitoringPeriod.id).
// Columns: key (the MonitoringPeriod.id asked for), node (map of the Verification), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:MonitoringPeriod {id: key})<-[r:OF]-(b:Verification)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
