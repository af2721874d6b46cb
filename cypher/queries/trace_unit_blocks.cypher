// Every block of a series that ever contained one unit (its split lineage, largest first) and
// the account holding each.
// Parameters: $series (string), $unit (int).
// Columns: block (map of the CreditBlock), account (string or null).
MATCH (b:CreditBlock)
WHERE b.series = $series AND b.first <= $unit AND b.last >= $unit
OPTIONAL MATCH (b)-[:HELD_IN]->(a:Account)
RETURN b {.*} AS block, a.id AS account
ORDER BY b.quantity DESC, b.first
