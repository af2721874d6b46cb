// For a batch of Project nodes: the issuance decisions of each project.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Issuance), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Project {ref: key})<-[r:OF]-(b:Issuance)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
