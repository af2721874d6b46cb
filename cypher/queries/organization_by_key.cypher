// Organization nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Organization.id).  Columns: key, node (map of the Organization's properties).
UNWIND $keys AS key
MATCH (n:Organization {id: key})
RETURN key, n {.*} AS node
