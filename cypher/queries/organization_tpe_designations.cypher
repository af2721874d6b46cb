// For a batch of Organization nodes: each organization's TPE designations (rel: designation properties).
// Parameters: $keys (list of Organization.id).
// Columns: key (the Organization.id asked for), node (map of the Partnership), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Organization {id: key})-[r:DESIGNATED_AS_TPE]->(b:Partnership)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
