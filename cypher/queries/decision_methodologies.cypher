// For a batch of Decision nodes: the Methodology nodes each decision is about.
// Parameters: $keys (list of Decision.id).
// Columns: key (the Decision.id asked for), node (map of the Methodology), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Decision {id: key})-[r:CONCERNS]->(b:Methodology)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
