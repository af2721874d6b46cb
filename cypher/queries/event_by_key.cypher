// Event nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of Event.seq).  Columns: key, node (map of the Event's properties).
UNWIND $keys AS key
MATCH (n:Event {seq: key})
RETURN key, n {.*} AS node
