// The newest event of the audit chain, looked for among those from seq $fromSeq on: found by
// the Event.seq index, so its cost does not grow with the log (audit_head sorts every event).
// No row when no event has a seq of $fromSeq or more (the log was emptied since).
// Parameters: $fromSeq (int, a seq the caller saw).  Columns: seq (int), hash (string).
MATCH (e:Event)
WHERE e.seq >= $fromSeq
RETURN e.seq AS seq, e.hash AS hash
ORDER BY e.seq DESC
LIMIT 1
