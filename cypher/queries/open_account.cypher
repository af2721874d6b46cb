// Opens a registry account, appending the audit event - or writes nothing (no row) when the
// id is taken, the registry country or owner is unknown, the chain head moved or the
// idempotency key was used.
// Parameters: $account (map: id, registry, kind, name, dataQuality), $ownerCountry (code or
//   null), $ownerOrganization (id or null), $event, $idempotency (map or null), $source (map).
// Columns: id (the new account's id).
OPTIONAL MATCH (existing:Account {id: $account.id})
OPTIONAL MATCH (registry:Country {code: $account.registry})
OPTIONAL MATCH (ownerCountry:Country {code: coalesce($ownerCountry, '')})
OPTIONAL MATCH (ownerOrg:Organization {id: coalesce($ownerOrganization, '')})
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH existing, registry, ownerCountry, ownerOrg, clash, prev, done
WHERE existing IS NULL AND registry IS NOT NULL
  AND (ownerCountry IS NOT NULL OR ownerOrg IS NOT NULL)
  AND clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
MERGE (src:Source {id: $source.id})
ON CREATE SET src += $source
CREATE (a:Account)
SET a = $account
CREATE (a)-[:SOURCED_FROM]->(src)
FOREACH (o IN CASE WHEN ownerCountry IS NULL THEN [] ELSE [ownerCountry] END |
  CREATE (a)-[:OWNED_BY]->(o))
FOREACH (o IN CASE WHEN ownerOrg IS NULL THEN [] ELSE [ownerOrg] END |
  CREATE (a)-[:OWNED_BY]->(o))
CREATE (e:Event)
SET e = $event
CREATE (e)-[:AFFECTED]->(a)
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
RETURN a.id AS id
