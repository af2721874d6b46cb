// Partnership nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Partnership.id).  Columns: key, node (map of the Partnership's properties).
UNWIND $keys AS key
MATCH (n:Partnership {id: key})
RETURN key, n {.*} AS node
