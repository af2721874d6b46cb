// CorrespondingAdjustment nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of CorrespondingAdjustment.id).  Columns: key, node (map of the CorrespondingAdjustment's properties).
UNWIND $keys AS key
MATCH (n:CorrespondingAdjustment {id: key})
RETURN key, n {.*} AS node
