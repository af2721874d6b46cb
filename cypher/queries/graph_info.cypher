// Size of the graph: how many nodes and relationships, and nodes per label.
// Parameters: none.
// Columns: nodeCount (int), relationshipCount (int), labels (list of {label, count}).
MATCH (n)
UNWIND labels(n) AS label
WITH label, count(*) AS count
ORDER BY label
WITH collect({label: label, count: count}) AS labels
OPTIONAL MATCH ()-[r]->()
WITH labels, count(r) AS relationshipCount
OPTIONAL MATCH (m)
RETURN count(m) AS nodeCount, relationshipCount, labels
