// Puts stored idempotency keys back from a backup, so retries after a restore still replay.
// Parameters: $rows (list of maps of IdempotencyKey properties, each with its key).
// Columns: restored (int).
UNWIND $rows AS row
MERGE (k:IdempotencyKey {key: row.key})
SET k += row
RETURN count(k) AS restored
