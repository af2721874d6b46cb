// The stored result of a mutation already applied under an idempotency key.
// Parameters: $key (string).  Columns: action (string), result (JSON text), requestHash (string).
MATCH (k:IdempotencyKey {key: $key})
RETURN k.action AS action, k.result AS result, k.requestHash AS requestHash
