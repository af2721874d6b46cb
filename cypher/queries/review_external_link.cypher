// A person confirms or rejects the link between an external record and a project, appending
// the audit event. Confirming makes the link certain (confidence 1, method MANUAL); rejecting
// removes it and remembers the pair so matching never proposes it again. Writes nothing (no
// row) when either is unknown, the chain head moved or the idempotency key was used.
// Parameters: $record (ExternalRecord id), $project (ref), $confirm (bool), $by (actor),
//   $event, $idempotency (map or null), $source (map).
// Columns: record, project (ids), confirmed (bool).
MATCH (r:ExternalRecord {id: $record})
MATCH (p:Project {ref: $project})
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH r, p, clash, prev, done
WHERE clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
OPTIONAL MATCH (r)-[old:SAME_AS]->(p)
OPTIONAL MATCH (r)-[refused:NOT_SAME_AS]->(p)
DELETE old, refused
CREATE (e:Event)
SET e = $event
CREATE (e)-[:AFFECTED]->(r)
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
FOREACH (x IN CASE WHEN $confirm THEN [1] ELSE [] END |
  CREATE (r)-[:SAME_AS {confidence: 1.0, method: 'MANUAL', confirmed: true, by: $by}]->(p))
FOREACH (x IN CASE WHEN $confirm THEN [] ELSE [1] END |
  CREATE (r)-[:NOT_SAME_AS {by: $by, at: $event.at}]->(p))
RETURN r.id AS record, p.ref AS project, $confirm AS confirmed
