// For a batch of CreditBlock nodes: the series of each credit block.
// Parameters: $keys (list of CreditBlock.id).
// Columns: key (the CreditBlock.id asked for), node (map of the Series), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:CreditBlock {id: key})-[r:IN_SERIES]->(b:Series)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
