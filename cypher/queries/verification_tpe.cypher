// For a batch of Verification nodes: the TPE that did each verification.
// Parameters: $keys (list of Verification.id).
// Columns: key (the Verification.id asked for), node (map of the Organization), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Verification {id: key})-[r:BY]->(b:Organization)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
