// How many of the given series exist (seed/fresh_ledger.py: a part of a load is new when none does).
// Parameters: $ids (list of Series.id).
// Columns: existing (int).
UNWIND $ids AS id
OPTIONAL MATCH (s:Series {id: id})
RETURN count(s) AS existing
