// Creates or updates an organization (admin) and its home-country link, appending the audit
// event; writes nothing (no row) when the country is unknown, the chain head moved or the
// idempotency key was used.
// Parameters: $organization (map: id, name, kind, country or null, note, dataQuality),
//   $event, $idempotency (map or null), $source (map).
// Columns: id (the organization's id), created (bool).
OPTIONAL MATCH (old:Organization {id: $organization.id})
OPTIONAL MATCH (home:Country {code: coalesce($organization.country, '')})
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH old, home, clash, prev, done
WHERE ($organization.country IS NULL OR home IS NOT NULL)
  AND clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
MERGE (src:Source {id: $source.id})
ON CREATE SET src += $source
MERGE (o:Organization {id: $organization.id})
SET o += $organization
MERGE (o)-[:SOURCED_FROM]->(src)
WITH o, old, home
OPTIONAL MATCH (o)-[stale:BASED_IN]->(c:Country)
WHERE home IS NULL OR c.code <> home.code
DELETE stale
FOREACH (h IN CASE WHEN home IS NULL THEN [] ELSE [home] END | MERGE (o)-[:BASED_IN]->(h))
CREATE (e:Event)
SET e = $event
CREATE (e)-[:AFFECTED]->(o)
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
RETURN o.id AS id, old IS NULL AS created
