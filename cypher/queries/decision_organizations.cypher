// For a batch of Decision nodes: the Organization nodes each decision is about.
// Parameters: $keys (list of Decision.id).
// Columns: key (the Decision.id asked for), node (map of the Organization), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Decision {id: key})-[r:CONCERNS]->(b:Organization)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
