// Test only: overwrites a block's recorded holder behind the ledger's back.
// Parameters: $id (string), $holder (string or null).  Columns: id.
MATCH (b:CreditBlock {id: $id})
SET b.holder = $holder
RETURN b.id AS id
