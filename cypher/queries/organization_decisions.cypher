// For a batch of Organization nodes: the Joint Committee decisions about each, oldest first.
// Parameters: $keys (list of Organization.id).
// Columns: key (the Organization.id asked for), node (map of the Decision).
UNWIND $keys AS key
MATCH (a:Organization {id: key})<-[:CONCERNS]-(b:Decision)
RETURN key, b {.*} AS node
ORDER BY key, b.decidedOn, b.id
