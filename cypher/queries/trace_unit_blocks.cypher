// Every block of a series that ever contained one unit: its split lineage, largest first.
// (A block's account is a relation of its own, credit_block_account: the trace does not read
// it, and one traversal per block cost FalkorDB about a fifth of the whole trace.)
// Parameters: $series (string), $unit (int).
// Columns: block (map of the CreditBlock).
MATCH (b:CreditBlock)
WHERE b.series = $series AND b.first <= $unit AND b.last >= $unit
RETURN b {.*} AS block
ORDER BY b.quantity DESC, b.first
