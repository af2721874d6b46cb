// Transaction nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Transaction.id).  Columns: key, node (map of the Transaction's properties).
UNWIND $keys AS key
MATCH (n:Transaction {id: key})
RETURN key, n {.*} AS node
