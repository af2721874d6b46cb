// Benchmark helper: some synthetic series ids, to build unit serials for traces.
// Parameters: $limit (int).  Columns: id (string), quantity (int).
MATCH (s:Series)
WHERE s.id STARTS WITH 'JP-SYN'
RETURN s.id AS id, s.quantity AS quantity
ORDER BY s.id
LIMIT $limit
