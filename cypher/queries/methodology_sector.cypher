// For a batch of Methodology nodes: the sectoral scope of each methodology.
// Parameters: $keys (list of Methodology.id).
// Columns: key (the Methodology.id asked for), node (map of the Sector), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Methodology {id: key})-[r:IN_SECTOR]->(b:Sector)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
