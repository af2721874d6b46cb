// Creates the SPLIT_FROM relationship of each new CreditBlock to the block it was split from
// (seed/fresh_ledger.py: both blocks were created in the same load, so none exists yet).
// Parameters: $rows (list of {from: CreditBlock.id, to: CreditBlock.id}).
// Columns: linked (int): relationships created; compared with the number of rows.
UNWIND $rows AS row
MATCH (a:CreditBlock {id: row.from})
MATCH (b:CreditBlock {id: row.to})
CREATE (a)-[r:SPLIT_FROM]->(b)
RETURN count(r) AS linked
