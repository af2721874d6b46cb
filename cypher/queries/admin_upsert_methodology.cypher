// Creates or updates a methodology (admin) and the partnership that approved it, appending
// the audit event; writes nothing (no row) when the partnership is unknown, the chain head
// moved or the idempotency key was used.
// Parameters: $methodology (map: id, title, version, status, approvedOn as ISO date or null,
//   note, dataQuality), $partnership (id), $event, $idempotency (map or null), $source (map).
// Columns: id (the methodology's id), created (bool).
OPTIONAL MATCH (old:Methodology {id: $methodology.id})
OPTIONAL MATCH (partnership:Partnership {id: $partnership})
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH old, partnership, clash, prev, done
WHERE partnership IS NOT NULL
  AND clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
MERGE (src:Source {id: $source.id})
ON CREATE SET src += $source
MERGE (m:Methodology {id: $methodology.id})
SET m += $methodology, m.approvedOn = date($methodology.approvedOn)
MERGE (m)-[:SOURCED_FROM]->(src)
WITH m, old, partnership
OPTIONAL MATCH (m)-[stale:APPROVED_UNDER]->(x:Partnership)
WHERE x.id <> partnership.id
DELETE stale
MERGE (m)-[:APPROVED_UNDER]->(partnership)
CREATE (e:Event)
SET e = $event
CREATE (e)-[:AFFECTED]->(m)
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
RETURN m.id AS id, old IS NULL AS created
