// Every series with the quantity it issued and its live (not superseded) blocks in order, for
// the tiling and conservation checks of the ledger.
// Parameters: $seriesPrefix (string, '' for all series).
// Columns: series (string), issued (int), blocks (list of {id, first, last, status}).
MATCH (s:Series)
WHERE s.id STARTS WITH $seriesPrefix
OPTIONAL MATCH (b:CreditBlock)-[:IN_SERIES]->(s)
WHERE b.status <> 'SUPERSEDED'
WITH s, b
ORDER BY s.id, b.first
RETURN s.id AS series, s.quantity AS issued,
       [x IN collect(b) | {id: x.id, first: x.first, last: x.last, status: x.status}] AS blocks
