// ExternalRecord nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of ExternalRecord.id).  Columns: key, node (map of the ExternalRecord's properties).
UNWIND $keys AS key
MATCH (n:ExternalRecord {id: key})
RETURN key, n {.*} AS node
