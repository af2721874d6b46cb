// Project nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Project.ref).  Columns: key, node (map of the Project's properties).
UNWIND $keys AS key
MATCH (n:Project {ref: key})
RETURN key, n {.*} AS node
