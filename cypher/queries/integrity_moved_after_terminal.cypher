// Transactions that touched units an earlier transaction of the same series had already
// retired or cancelled (they must never move again). Anchored per terminal transaction on
// the series index, and returns only the violations.
// Parameters: $seriesPrefix (string, '' for all).
// Columns: id (the later transaction), by (the retirement or cancellation), series,
//   first, last (int: the units concerned).
MATCH (r:Transaction)
WHERE r.kind IN ['RETIREMENT', 'CANCELLATION'] AND r.series STARTS WITH $seriesPrefix
MATCH (t:Transaction)
WHERE t.series = r.series AND t.seq > r.seq AND t.first <= r.last AND t.last >= r.first
RETURN t.id AS id, r.id AS by, r.series AS series,
       CASE WHEN t.first > r.first THEN t.first ELSE r.first END AS first,
       CASE WHEN t.last < r.last THEN t.last ELSE r.last END AS last
ORDER BY series, id
