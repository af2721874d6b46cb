// ExternalRegistry nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of ExternalRegistry.id).  Columns: key, node (map of the ExternalRegistry's properties).
UNWIND $keys AS key
MATCH (n:ExternalRegistry {id: key})
RETURN key, n {.*} AS node
