// The live (not superseded) blocks of a series that overlap a unit range, with their holder.
// Parameters: $series (string), $first (int), $last (int).
// Columns: block (map of the CreditBlock), account (string), seriesIssued (int).
MATCH (s:Series {id: $series})
MATCH (b:CreditBlock)-[:IN_SERIES]->(s)
WHERE b.status <> 'SUPERSEDED' AND b.first <= $last AND b.last >= $first
MATCH (b)-[:HELD_IN]->(a:Account)
RETURN b {.*} AS block, a.id AS account, s.quantity AS seriesIssued
ORDER BY b.first
