// For a batch of CreditBlock nodes: the account holding each credit block.
// Parameters: $keys (list of CreditBlock.id).
// Columns: key (the CreditBlock.id asked for), node (map of the Account), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:CreditBlock {id: key})-[r:HELD_IN]->(b:Account)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
