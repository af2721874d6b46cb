// For a batch of Methodology nodes, one page of the projects applying each methodology, ordered by Project.ref.
// Parameters: $keys (list of Methodology.id), $after (Project.ref to start after, or null), $limit (int).
// Columns: key, total (int, all of them), items (list of {node, rel} maps), hasNext (bool).
UNWIND $keys AS key
MATCH (a:Methodology {id: key})<-[r:APPLIES]-(b:Project)
WITH key, b, r
ORDER BY b.ref
WITH key, collect({node: b {.*}, rel: r {.*}}) AS items
WITH key, size(items) AS total, [x IN items WHERE $after IS NULL OR x.node.ref > $after] AS rest
RETURN key, total, rest[0..$limit] AS items, size(rest) > $limit AS hasNext
