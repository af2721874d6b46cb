// Creates or updates external project records of one registry, proposes (unconfirmed) SAME_AS
// links to JCM projects, and appends the audit event - or writes nothing (no row) when the
// registry is unknown, the chain head moved or the idempotency key was used. A confirmed link
// keeps its confidence; a rejected pair is never linked again.
// Parameters: $registry (id), $records (list of {id, props: map, matches: list of
//   {project, confidence, method}}), $event, $idempotency (map or null), $source (map).
// Columns: records (int), links (int).
MATCH (reg:ExternalRegistry {id: $registry})
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH reg, clash, prev, done
WHERE clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
MERGE (src:Source {id: $source.id})
ON CREATE SET src += $source
CREATE (e:Event)
SET e = $event
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
WITH reg, src, e
UNWIND $records AS row
MERGE (r:ExternalRecord {id: row.id})
SET r += row.props
MERGE (r)-[:IN_REGISTRY]->(reg)
MERGE (r)-[:SOURCED_FROM]->(src)
CREATE (e)-[:AFFECTED]->(r)
WITH r, row
UNWIND row.matches AS m
MATCH (p:Project {ref: m.project})
OPTIONAL MATCH (r)-[no:NOT_SAME_AS]->(p)
WITH r, p, m, no
WHERE no IS NULL
MERGE (r)-[s:SAME_AS]->(p)
ON CREATE SET s.confidence = m.confidence, s.method = m.method, s.confirmed = false
ON MATCH SET s.confidence = CASE WHEN s.confirmed THEN s.confidence ELSE m.confidence END,
             s.method = CASE WHEN s.confirmed THEN s.method ELSE m.method END
RETURN count(DISTINCT r) AS records, count(s) AS links
