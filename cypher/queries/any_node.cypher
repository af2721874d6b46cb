// Whether the graph holds anything: one node's labels, or no row at all.
// Parameters: none.  Columns: labels (list of strings).
MATCH (n)
RETURN labels(n) AS labels
LIMIT 1
