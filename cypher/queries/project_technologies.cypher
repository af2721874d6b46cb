// For a batch of Project nodes: the technologies each project uses.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Technology), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Project {ref: key})-[r:USES]->(b:Technology)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
