// Series nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Series.id).  Columns: key, node (map of the Series's properties).
UNWIND $keys AS key
MATCH (n:Series {id: key})
RETURN key, n {.*} AS node
