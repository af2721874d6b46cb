// For a batch of Project nodes: each project's participants (rel: role, side, note).
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Organization), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Project {ref: key})<-[r:PARTICIPATES_IN]-(b:Organization)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
