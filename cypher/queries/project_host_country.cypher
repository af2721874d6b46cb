// For a batch of Project nodes: the country that hosts each project.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Country).
UNWIND $keys AS key
MATCH (a:Project {ref: key})-[:HOSTED_IN]->(b:Country)
RETURN key, b {.*} AS node
ORDER BY key, b.code
