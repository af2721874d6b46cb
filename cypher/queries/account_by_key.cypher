// Account nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Account.id).  Columns: key, node (map of the Account's properties).
UNWIND $keys AS key
MATCH (n:Account {id: key})
RETURN key, n {.*} AS node
