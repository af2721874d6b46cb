// For a batch of Project nodes: the validations of each project.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Validation).
UNWIND $keys AS key
MATCH (a:Project {ref: key})<-[:OF]-(b:Validation)
RETURN key, b {.*} AS node
ORDER BY key, b.id
