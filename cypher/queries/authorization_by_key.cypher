// Authorization nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Authorization.id).  Columns: key, node (map of the Authorization's properties).
UNWIND $keys AS key
MATCH (n:Authorization {id: key})
RETURN key, n {.*} AS node
