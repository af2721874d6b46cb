// Test only: overwrites a block's status behind the ledger's back.
// Parameters: $id (string), $status (string).  Columns: id.
MATCH (b:CreditBlock {id: $id})
SET b.status = $status
RETURN b.id AS id
