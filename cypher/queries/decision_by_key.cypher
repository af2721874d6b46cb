// Decision nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Decision.id).  Columns: key, node (map of the Decision's properties).
UNWIND $keys AS key
MATCH (n:Decision {id: key})
RETURN key, n {.*} AS node
