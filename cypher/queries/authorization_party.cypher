// For a batch of Authorization nodes: the party that gave each authorization.
// Parameters: $keys (list of Authorization.id).
// Columns: key (the Authorization.id asked for), node (map of the Country), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Authorization {id: key})-[r:BY]->(b:Country)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.code
