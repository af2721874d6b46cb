// Creates or updates a project (admin), its host country and partnership links, appending the
// audit event; writes nothing (no row) when the host country or its partnership is unknown,
// the chain head moved or the idempotency key was used.
// Parameters: $project (map of Project properties, dates as ISO strings or null),
//   $event, $idempotency (map or null), $source (map).
// Columns: ref (the project's ref), created (bool).
OPTIONAL MATCH (old:Project {ref: $project.ref})
OPTIONAL MATCH (host:Country {code: $project.hostCountry})
OPTIONAL MATCH (partnership:Partnership {id: 'JP-' + $project.hostCountry})
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH old, host, partnership, clash, prev, done
WHERE host IS NOT NULL AND partnership IS NOT NULL
  AND clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
MERGE (src:Source {id: $source.id})
ON CREATE SET src += $source
MERGE (p:Project {ref: $project.ref})
SET p += $project,
    p.registeredOn = date($project.registeredOn),
    p.startedOn = date($project.startedOn)
MERGE (p)-[:SOURCED_FROM]->(src)
WITH p, old, host, partnership
OPTIONAL MATCH (p)-[staleHost:HOSTED_IN]->(h:Country)
WHERE h.code <> $project.hostCountry
OPTIONAL MATCH (p)-[staleUnder:UNDER]->(u:Partnership)
WHERE u.id <> partnership.id
DELETE staleHost, staleUnder
MERGE (p)-[:HOSTED_IN]->(host)
MERGE (p)-[:UNDER]->(partnership)
CREATE (e:Event)
SET e = $event
CREATE (e)-[:AFFECTED]->(p)
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
RETURN p.ref AS ref, old IS NULL AS created
