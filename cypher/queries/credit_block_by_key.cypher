// CreditBlock nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of CreditBlock.id).  Columns: key, node (map of the CreditBlock's properties).
UNWIND $keys AS key
MATCH (n:CreditBlock {id: key})
RETURN key, n {.*} AS node
