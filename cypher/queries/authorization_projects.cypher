// For a batch of Authorization nodes: the projects each authorization covers.
// Parameters: $keys (list of Authorization.id).
// Columns: key (the Authorization.id asked for), node (map of the Project), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Authorization {id: key})-[r:COVERS]->(b:Project)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.ref
