// For a batch of Project nodes: the technologies each project uses.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Technology).
UNWIND $keys AS key
MATCH (a:Project {ref: key})-[:USES]->(b:Technology)
RETURN key, b {.*} AS node
ORDER BY key, b.id
