// Whether the graph holds anything (its version node aside): one node's labels, or no row.
// Parameters: none.  Columns: labels (list of strings).
MATCH (n)
WHERE NOT n:GraphVersion
RETURN labels(n) AS labels
LIMIT 1
