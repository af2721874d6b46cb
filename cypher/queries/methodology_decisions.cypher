// For a batch of Methodology nodes: the Joint Committee decisions about each, oldest first.
// Parameters: $keys (list of Methodology.id).
// Columns: key (the Methodology.id asked for), node (map of the Decision), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Methodology {id: key})<-[r:CONCERNS]-(b:Decision)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.decidedOn, b.id
