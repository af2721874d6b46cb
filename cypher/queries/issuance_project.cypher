// For a batch of Issuance nodes: the projects each decision covers, the one it names first
// (rel.shared null) before the others it also covered (rel.shared true).
// Parameters: $keys (list of Issuance.id).
// Columns: key (the Issuance.id asked for), node (map of the Project), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Issuance {id: key})-[r:OF]->(b:Project)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, coalesce(r.shared, false), b.ref
