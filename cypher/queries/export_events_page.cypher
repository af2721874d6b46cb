// One page of the audit log for a backup: events in seq order, each with what it affected.
// Parameters: $after (int or null: the last seq of the page before), $limit (int).
// Columns: seq (int), event (map of the Event's properties), affected (list of {label, key},
//   by label and key).
MATCH (e:Event)
WHERE $after IS NULL OR e.seq > $after
WITH e
ORDER BY e.seq
LIMIT $limit
OPTIONAL MATCH (e)-[:AFFECTED]->(x)
WITH e, x, labels(x)[0] AS label, toString(coalesce(x.id, x.ref, x.code, x.key)) AS key
ORDER BY e.seq, label, key
RETURN e.seq AS seq, e {.*} AS event,
       collect(CASE WHEN x IS NULL THEN null ELSE {label: label, key: key} END) AS affected
ORDER BY seq
