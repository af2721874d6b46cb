// For a batch of Partnership nodes, one page of the methodologies each partnership approved, ordered by Methodology.id.
// Parameters: $keys (list of Partnership.id), $after (Methodology.id to start after, or null), $limit (int).
// Columns: key, total (int, all of them), items (list of {node, rel} maps), hasNext (bool).
UNWIND $keys AS key
MATCH (a:Partnership {id: key})<-[r:APPROVED_UNDER]-(b:Methodology)
WITH key, b, r
ORDER BY b.id
WITH key, collect({node: b {.*}, rel: r {.*}}) AS items
WITH key, size(items) AS total, [x IN items WHERE $after IS NULL OR x.node.id > $after] AS rest
RETURN key, total, rest[0..$limit] AS items, size(rest) > $limit AS hasNext
