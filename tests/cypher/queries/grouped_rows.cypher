// Rows grouped and counted, then their distinct counts (tests/cypher/test_packed_rows.py).
// Parameters: $to (int).  Columns: buckets (int), size (int).
UNWIND range(1, $to) AS i
WITH i % 5 AS bucket, count(*) AS size
RETURN DISTINCT count(bucket) AS buckets, size
ORDER BY size
