// For a batch of Validation nodes: the TPE that did each validation.
// Parameters: $keys (list of Validation.id).
// Columns: key (the Validation.id asked for), node (map of the Organization), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Validation {id: key})-[r:BY]->(b:Organization)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
