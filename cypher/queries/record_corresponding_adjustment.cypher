// Records a party's corresponding adjustment for a (first) transfer, appending the audit
// event; writes nothing (no row) when the id is taken, the party or transaction is unknown,
// the chain head moved or the idempotency key was used.
// Parameters: $adjustment (map: id, party, year, quantity, reportedIn, dataQuality),
//   $transaction (id), $event, $idempotency (map or null), $source (map).
// Columns: id (the adjustment id).
OPTIONAL MATCH (existing:CorrespondingAdjustment {id: $adjustment.id})
OPTIONAL MATCH (party:Country {code: $adjustment.party})
OPTIONAL MATCH (t:Transaction {id: $transaction})
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH existing, party, t, clash, prev, done
WHERE existing IS NULL AND party IS NOT NULL AND t IS NOT NULL
  AND clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
MERGE (src:Source {id: $source.id})
ON CREATE SET src += $source
CREATE (ca:CorrespondingAdjustment)
SET ca = $adjustment
CREATE (ca)-[:BY]->(party)
CREATE (ca)-[:FOR]->(t)
CREATE (ca)-[:SOURCED_FROM]->(src)
CREATE (e:Event)
SET e = $event
CREATE (e)-[:AFFECTED]->(ca)
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
RETURN ca.id AS id
