// Test only: edits an audit event behind the API's back, as an attacker with database access
// would. Parameters: $seq (int), $payload (string).  Columns: seq (int).
MATCH (e:Event {seq: $seq})
SET e.payload = $payload
RETURN e.seq AS seq
