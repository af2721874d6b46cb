// For a batch of Series nodes, one page of the credit blocks of each series, superseded ones included, ordered by CreditBlock.id.
// Parameters: $keys (list of Series.id), $after (CreditBlock.id to start after, or null), $limit (int).
// Columns: key, total (int, all of them), items (list of {node, rel} maps), hasNext (bool).
UNWIND $keys AS key
MATCH (a:Series {id: key})<-[r:IN_SERIES]-(b:CreditBlock)
WITH key, b, r
ORDER BY b.id
WITH key, collect({node: b {.*}, rel: r {.*}}) AS items
WITH key, size(items) AS total, [x IN items WHERE $after IS NULL OR x.node.id > $after] AS rest
RETURN key, total, rest[0..$limit] AS items, size(rest) > $limit AS hasNext
