// For a batch of Account nodes, one page of the credit blocks each account holds or held, ordered by CreditBlock.id.
// Parameters: $keys (list of Account.id), $after (CreditBlock.id to start after, or null), $limit (int).
// Columns: key, total (int, all of them), items (list of {node, rel} maps), hasNext (bool).
UNWIND $keys AS key
MATCH (a:Account {id: key})<-[r:HELD_IN]-(b:CreditBlock)
WITH key, b, r
ORDER BY b.id
WITH key, collect({node: b {.*}, rel: r {.*}}) AS items
WITH key, size(items) AS total, [x IN items WHERE $after IS NULL OR x.node.id > $after] AS rest
RETURN key, total, rest[0..$limit] AS items, size(rest) > $limit AS hasNext
