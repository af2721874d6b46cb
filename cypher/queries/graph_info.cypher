// Size of the graph: how many nodes and relationships, and nodes per label (the graph's
// version node, bookkeeping of the API, is left out).
// Parameters: none.
// Columns: nodeCount (int), relationshipCount (int), labels (list of {label, count}).
MATCH (n)
WHERE NOT n:GraphVersion
UNWIND labels(n) AS label
WITH label, count(*) AS count
ORDER BY label
WITH collect({label: label, count: count}) AS labels
OPTIONAL MATCH ()-[r]->()
WITH labels, count(r) AS relationshipCount
OPTIONAL MATCH (m)
WHERE NOT m:GraphVersion
RETURN count(m) AS nodeCount, relationshipCount, labels
