// For a batch of Issuance nodes: the verification each issuance is for.
// Parameters: $keys (list of Issuance.id).
// Columns: key (the Issuance.id asked for), node (map of the Verification), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Issuance {id: key})-[r:FOR]->(b:Verification)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
