// For a batch of Issuance nodes: the project of each issuance.
// Parameters: $keys (list of Issuance.id).
// Columns: key (the Issuance.id asked for), node (map of the Project), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Issuance {id: key})-[r:OF]->(b:Project)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.ref
