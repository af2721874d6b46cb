// Creates a Probe node and returns the node itself, not a map of it (which the store refuses).
// Parameters: $item (int).  Columns: p (a node).
CREATE (p:Probe {item: $item})
RETURN p
