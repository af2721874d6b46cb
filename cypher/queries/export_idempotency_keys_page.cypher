// One page of the stored idempotency keys (what a retry replays), for a backup.
// Parameters: $after (string or null: the last key of the page before), $limit (int).
// Columns: key (string), record (map of the IdempotencyKey's properties).
MATCH (k:IdempotencyKey)
WHERE $after IS NULL OR k.key > $after
RETURN k.key AS key, k {.*} AS record
ORDER BY key
LIMIT $limit
