// Issuance nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Issuance.id).  Columns: key, node (map of the Issuance's properties).
UNWIND $keys AS key
MATCH (n:Issuance {id: key})
RETURN key, n {.*} AS node
