// Test only: sets a series' issued quantity behind the ledger's back.
// Parameters: $id (series id), $quantity (int).  Columns: id.
MATCH (s:Series {id: $id})
SET s.quantity = $quantity
RETURN s.id AS id
