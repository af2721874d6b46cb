// Test only: re-dates a transaction behind the ledger's back.
// Parameters: $id (transaction id), $on (ISO date).  Columns: id.
MATCH (t:Transaction {id: $id})
SET t.on = date($on)
RETURN t.id AS id
