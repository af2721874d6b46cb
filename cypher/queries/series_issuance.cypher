// For a batch of Series nodes: the issuance decision behind each series.
// Parameters: $keys (list of Series.id).
// Columns: key (the Series.id asked for), node (map of the Issuance), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Series {id: key})-[r:ISSUED_UNDER]->(b:Issuance)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
