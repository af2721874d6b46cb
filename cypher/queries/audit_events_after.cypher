// Audit events after a sequence number, oldest first (audit log pages, change feed, checks).
// Parameters: $afterSeq (int), $limit (int).
// Columns: event (map: seq, at, actor, action, payload, payloadHash, prevHash, hash).
MATCH (e:Event)
WHERE e.seq > $afterSeq
RETURN e {.*} AS event
ORDER BY e.seq
LIMIT $limit
