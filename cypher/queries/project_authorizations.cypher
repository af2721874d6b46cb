// For a batch of Project nodes: the Article 6.2 authorizations covering each project.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Authorization).
UNWIND $keys AS key
MATCH (a:Project {ref: key})<-[:COVERS]-(b:Authorization)
RETURN key, b {.*} AS node
ORDER BY key, b.id
