// Sets `holder` (the id of the Account a block is HELD_IN) on CreditBlock nodes written
// before blocks kept it; migrate() runs it batch by batch when it creates the holder index.
// Parameters: $batch (int, the most blocks to set in one run).
// Columns: set (int): blocks set by this run (fewer than $batch: none is left).
MATCH (b:CreditBlock)-[:HELD_IN]->(a:Account)
WHERE b.holder IS NULL
WITH b, a
LIMIT $batch
SET b.holder = a.id
RETURN count(b) AS set
