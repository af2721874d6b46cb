// For a batch of Project nodes: the issuance decisions of each project.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Issuance).
UNWIND $keys AS key
MATCH (a:Project {ref: key})<-[:OF]-(b:Issuance)
RETURN key, b {.*} AS node
ORDER BY key, b.id
