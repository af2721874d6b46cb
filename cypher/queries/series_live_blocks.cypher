// Every series with the quantity it issued and its live (not superseded) blocks in order, for
// the tiling and conservation checks of the ledger.
// Parameters: $seriesPrefix (string, '' for all series).
// Columns: series (string), issued, retired, cancelled (int: the series' counters),
//   blocks (list of {id, first, last, status}).
MATCH (s:Series)
WHERE s.id STARTS WITH $seriesPrefix
OPTIONAL MATCH (b:CreditBlock)-[:IN_SERIES]->(s)
WHERE b.status <> 'SUPERSEDED'
WITH s, b
ORDER BY s.id, b.first
RETURN s.id AS series, s.quantity AS issued, coalesce(s.retired, 0) AS retired,
       coalesce(s.cancelled, 0) AS cancelled,
       [x IN collect(b) | {id: x.id, first: x.first, last: x.last, status: x.status}] AS blocks
