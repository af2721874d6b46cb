// For a batch of Project nodes: the Joint Committee decisions about each, oldest first.
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Decision).
UNWIND $keys AS key
MATCH (a:Project {ref: key})<-[:CONCERNS]-(b:Decision)
RETURN key, b {.*} AS node
ORDER BY key, b.decidedOn, b.id
