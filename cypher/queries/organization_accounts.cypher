// For a batch of Organization nodes: the registry accounts each organization owns.
// Parameters: $keys (list of Organization.id).
// Columns: key (the Organization.id asked for), node (map of the Account), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Organization {id: key})<-[r:OWNED_BY]-(b:Account)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
