// For a batch of Project nodes: the partnership each project is under.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Partnership), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Project {ref: key})-[r:UNDER]->(b:Partnership)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
