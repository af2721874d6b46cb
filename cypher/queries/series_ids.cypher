// The ids of the series whose id starts with a prefix.
// Parameters: $seriesPrefix (string, '' for all).  Columns: id (string).
MATCH (s:Series)
WHERE s.id STARTS WITH $seriesPrefix
RETURN s.id AS id
ORDER BY id
