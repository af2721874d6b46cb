// Country nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Country.code).  Columns: key, node (map of the Country's properties).
UNWIND $keys AS key
MATCH (n:Country {code: key})
RETURN key, n {.*} AS node
