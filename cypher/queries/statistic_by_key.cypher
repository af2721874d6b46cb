// Statistic nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Statistic.id).  Columns: key, node (map of the Statistic's properties).
UNWIND $keys AS key
MATCH (n:Statistic {id: key})
RETURN key, n {.*} AS node
