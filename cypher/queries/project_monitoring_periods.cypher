// For a batch of Project nodes: the monitoring periods of each project.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the MonitoringPeriod), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Project {ref: key})<-[r:OF]-(b:MonitoringPeriod)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
