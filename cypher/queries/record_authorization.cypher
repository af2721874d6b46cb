// Records a party's Article 6.2 authorization covering projects, appending the audit event;
// writes nothing (no row) when the id is taken, the party or a project is unknown, the chain
// head moved or the idempotency key was used.
// Parameters: $authorization (map: id, party, on as ISO date or null, purposes, document,
//   note, dataQuality), $projects (list of refs), $event, $idempotency (map or null),
//   $source (map).
// Columns: id (the authorization id).
OPTIONAL MATCH (existing:Authorization {id: $authorization.id})
OPTIONAL MATCH (party:Country {code: $authorization.party})
OPTIONAL MATCH (p:Project)
WHERE p.ref IN $projects
WITH existing, party, count(p) AS known
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH existing, party, known, clash, prev, done
WHERE existing IS NULL AND party IS NOT NULL AND known = size($projects)
  AND clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
MERGE (src:Source {id: $source.id})
ON CREATE SET src += $source
CREATE (auth:Authorization)
SET auth = $authorization, auth.on = date($authorization.on)
CREATE (auth)-[:BY]->(party)
CREATE (auth)-[:SOURCED_FROM]->(src)
CREATE (e:Event)
SET e = $event
CREATE (e)-[:AFFECTED]->(auth)
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
WITH auth
UNWIND $projects AS ref
MATCH (p:Project {ref: ref})
CREATE (auth)-[:COVERS]->(p)
RETURN auth.id AS id
LIMIT 1
