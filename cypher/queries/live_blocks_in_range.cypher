// The live (not superseded) blocks of a series that overlap a unit range, with their holder.
// The blocks are found by their `series` index: matched from the Series node instead,
// FalkorDB planned a scan of every CreditBlock (61 to 64 ms among 114,404 blocks).
// At most $fetch blocks, those of the lowest units (a move takes at most a set number).
// Parameters: $series (string), $first (int), $last (int), $fetch (int).
// Columns: block (map of the CreditBlock), account (string), seriesIssued (int).
MATCH (b:CreditBlock)
WHERE b.series = $series AND b.status <> 'SUPERSEDED' AND b.first <= $last AND b.last >= $first
MATCH (b)-[:IN_SERIES]->(s:Series)
MATCH (b)-[:HELD_IN]->(a:Account)
RETURN b {.*} AS block, a.id AS account, s.quantity AS seriesIssued
ORDER BY b.first
LIMIT $fetch
