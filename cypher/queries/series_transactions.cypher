// The transactions on a batch of series, in the order they were applied.
// Parameters: $keys (list of Series.id).  Columns: key (the series id), node (map of the
// Transaction), rel (empty map: no relationship is involved).
UNWIND $keys AS key
MATCH (t:Transaction)
WHERE t.series = key
RETURN key, t {.*} AS node, {} AS rel
ORDER BY key, t.seq
