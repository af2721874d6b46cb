// Source nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Source.id).  Columns: key, node (map of the Source's properties).
UNWIND $keys AS key
MATCH (n:Source {id: key})
RETURN key, n {.*} AS node
