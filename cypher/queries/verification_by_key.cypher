// Verification nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Verification.id).  Columns: key, node (map of the Verification's properties).
UNWIND $keys AS key
MATCH (n:Verification {id: key})
RETURN key, n {.*} AS node
