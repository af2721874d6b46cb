// For a batch of Technology nodes: the sectoral scopes of each technology.
// Parameters: $keys (list of Technology.id).
// Columns: key (the Technology.id asked for), node (map of the Sector).
UNWIND $keys AS key
MATCH (a:Technology {id: key})-[:IN_SECTOR]->(b:Sector)
RETURN key, b {.*} AS node
ORDER BY key, b.id
