// The HELD blocks an account holds, optionally of one series, oldest units first.
// Parameters: $account (string), $series (string or null), $limit (int).
// Columns: block (map of the CreditBlock).
MATCH (a:Account {id: $account})<-[:HELD_IN]-(b:CreditBlock)
WHERE b.status = 'HELD' AND ($series IS NULL OR b.series = $series)
RETURN b {.*} AS block
ORDER BY b.series, b.first
LIMIT $limit
