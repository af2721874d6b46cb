// Some series with the quantity each issued, its counters and its live (not superseded)
// blocks, for the exact tiling and conservation checks (see cypher/ledger_checks.py, which
// screens the whole ledger with series_ledger_totals first).
// Parameters: $seriesIds (list of Series ids).
// Columns: series (string), issued, retired, cancelled (int: the series' counters),
//   blocks (list of {id, first, last, status}, by first unit).
UNWIND $seriesIds AS sid
MATCH (s:Series {id: sid})
OPTIONAL MATCH (s)<-[:IN_SERIES]-(b:CreditBlock)
WHERE b.status <> 'SUPERSEDED'
WITH s, b
ORDER BY b.first
RETURN s.id AS series, s.quantity AS issued, coalesce(s.retired, 0) AS retired,
       coalesce(s.cancelled, 0) AS cancelled,
       collect(CASE WHEN b IS NULL THEN null
               ELSE {id: b.id, first: b.first, last: b.last, status: b.status} END) AS blocks
ORDER BY series
