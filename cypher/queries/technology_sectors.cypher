// For a batch of Technology nodes: the sectoral scopes of each technology.
// Parameters: $keys (list of Technology.id).
// Columns: key (the Technology.id asked for), node (map of the Sector), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Technology {id: key})-[r:IN_SECTOR]->(b:Sector)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
