// For a batch of CreditBlock nodes: the block each credit block was split from.
// Parameters: $keys (list of CreditBlock.id).
// Columns: key (the CreditBlock.id asked for), node (map of the CreditBlock), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:CreditBlock {id: key})-[r:SPLIT_FROM]->(b:CreditBlock)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
