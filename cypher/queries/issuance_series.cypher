// For a batch of Issuance nodes: the registry series each issuance opened.
// Parameters: $keys (list of Issuance.id).
// Columns: key (the Issuance.id asked for), node (map of the Series).
UNWIND $keys AS key
MATCH (a:Issuance {id: key})<-[:ISSUED_UNDER]-(b:Series)
RETURN key, b {.*} AS node
ORDER BY key, b.id
