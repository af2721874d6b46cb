// For a batch of Transaction nodes: the corresponding adjustments for each transaction.
// Parameters: $keys (list of Transaction.id).
// Columns: key (the Transaction.id asked for), node (map of the CorrespondingAdjustment), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Transaction {id: key})<-[r:FOR]-(b:CorrespondingAdjustment)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
