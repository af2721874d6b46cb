// For a batch of Project nodes: the partnership each project is under.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Partnership).
UNWIND $keys AS key
MATCH (a:Project {ref: key})-[:UNDER]->(b:Partnership)
RETURN key, b {.*} AS node
ORDER BY key, b.id
