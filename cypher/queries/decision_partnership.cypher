// For a batch of Decision nodes: the Partnership nodes each decision is taken under.
// Parameters: $keys (list of Decision.id).
// Columns: key (the Decision.id asked for), node (map of the Partnership), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Decision {id: key})-[r:UNDER]->(b:Partnership)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
