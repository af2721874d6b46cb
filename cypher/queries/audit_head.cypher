// The newest event of the audit chain (none before the first write).
// Parameters: none.  Columns: seq (int), hash (string).
MATCH (e:Event)
RETURN e.seq AS seq, e.hash AS hash
ORDER BY e.seq DESC
LIMIT 1
