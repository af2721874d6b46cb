// For a batch of Issuance nodes: the registry series each issuance opened.
// Parameters: $keys (list of Issuance.id).
// Columns: key (the Issuance.id asked for), node (map of the Series), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Issuance {id: key})<-[r:ISSUED_UNDER]-(b:Series)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
