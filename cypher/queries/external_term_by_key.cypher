// ExternalTerm nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of ExternalTerm.id).  Columns: key, node (map of the ExternalTerm's properties).
UNWIND $keys AS key
MATCH (n:ExternalTerm {id: key})
RETURN key, n {.*} AS node
