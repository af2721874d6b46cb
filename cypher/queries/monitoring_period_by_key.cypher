// MonitoringPeriod nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of MonitoringPeriod.id).  Columns: key, node (map of the MonitoringPeriod's properties).
UNWIND $keys AS key
MATCH (n:MonitoringPeriod {id: key})
RETURN key, n {.*} AS node
