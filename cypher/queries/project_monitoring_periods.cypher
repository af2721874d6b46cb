// For a batch of Project nodes: the monitoring periods of each project.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the MonitoringPeriod).
UNWIND $keys AS key
MATCH (a:Project {ref: key})<-[:OF]-(b:MonitoringPeriod)
RETURN key, b {.*} AS node
ORDER BY key, b.id
