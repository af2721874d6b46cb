// For a batch of CreditBlock nodes: the issuance of each credit block.
// Parameters: $keys (list of CreditBlock.id).
// Columns: key (the CreditBlock.id asked for), node (map of the Issuance), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:CreditBlock {id: key})-[r:ISSUED_BY]->(b:Issuance)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
