// For a batch of Methodology nodes: the partnership that approved each methodology.
// Parameters: $keys (list of Methodology.id).
// Columns: key (the Methodology.id asked for), node (map of the Partnership), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Methodology {id: key})-[r:APPROVED_UNDER]->(b:Partnership)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
