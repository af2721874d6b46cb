// Sector nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Sector.id).  Columns: key, node (map of the Sector's properties).
UNWIND $keys AS key
MATCH (n:Sector {id: key})
RETURN key, n {.*} AS node
