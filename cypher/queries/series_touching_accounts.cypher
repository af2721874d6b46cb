// The series with a transaction to or from any of some accounts, up to a date.
// Parameters: $accounts (list of account ids), $asOf (ISO date).  Columns: series (string).
MATCH (t:Transaction)-[:TO|FROM]->(a:Account)
WHERE a.id IN $accounts AND t.on <= date($asOf)
RETURN DISTINCT t.series AS series
ORDER BY series
