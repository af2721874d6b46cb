// Technology nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Technology.id).  Columns: key, node (map of the Technology's properties).
UNWIND $keys AS key
MATCH (n:Technology {id: key})
RETURN key, n {.*} AS node
