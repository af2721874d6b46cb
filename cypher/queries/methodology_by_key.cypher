// Methodology nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Methodology.id).  Columns: key, node (map of the Methodology's properties).
UNWIND $keys AS key
MATCH (n:Methodology {id: key})
RETURN key, n {.*} AS node
