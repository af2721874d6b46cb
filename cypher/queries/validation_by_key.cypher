// Validation nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Validation.id).  Columns: key, node (map of the Validation's properties).
UNWIND $keys AS key
MATCH (n:Validation {id: key})
RETURN key, n {.*} AS node
