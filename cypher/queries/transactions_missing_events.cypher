// Ledger transactions made through the API and whether the audit log still holds the event
// each names (a backup restored without its events, or events deleted, shows here).
// Parameters: none.
// Columns: recorded (int: transactions that name an event), missing (int), firstMissing (int
//   or null: the lowest event seq that is named but absent).
MATCH (t:Transaction)
WHERE t.eventSeq IS NOT NULL
OPTIONAL MATCH (e:Event {seq: t.eventSeq})
WITH t, e
ORDER BY t.eventSeq
WITH count(t) AS recorded, collect(CASE WHEN e IS NULL THEN t.eventSeq END) AS gone
RETURN recorded, size(gone) AS missing, head(gone) AS firstMissing
