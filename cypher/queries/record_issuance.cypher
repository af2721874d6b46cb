// Records a Joint Committee issuance decision and the registry issuances under it: opens each
// series, creates a block per allocation in its holding account (its `holder`, that account's
// id) and the ISSUANCE transaction that put it there, appending the audit event. Writes
// nothing (no row) when the project is unknown, the decision belongs to another project, a
// series exists, an account is not a holding account of the series' registry, the chain head
// moved or the idempotency key is used.
// Parameters: $project (ref), $issuance (map of Issuance properties, decidedOn as ISO date or
//   null), $series (list of Series property maps), $blocks (list of {series, account, block:
//   map, tx: map}), $accountChecks (list of 'accountId|registry' strings), $event,
//   $idempotency (map or null), $source (map).
// Columns: id (the issuance id), transactions (int).
MATCH (p:Project {ref: $project})
OPTIONAL MATCH (old:Issuance {id: $issuance.id})
OPTIONAL MATCH (old)-[:OF]->(oldProject:Project)
WITH p, old, oldProject
OPTIONAL MATCH (taken:Series)
WHERE taken.id IN [x IN $series | x.id]
WITH p, old, oldProject, count(taken) AS takenSeries
OPTIONAL MATCH (a:Account)
WHERE a.id IN [x IN $blocks | x.account] AND a.kind = 'HOLDING'
WITH p, old, oldProject, takenSeries, collect(a.id + '|' + a.registry) AS accounts
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH p, old, oldProject, takenSeries, accounts, clash, prev, done
WHERE (old IS NULL OR oldProject.ref = $project) AND takenSeries = 0
  AND all(x IN $accountChecks WHERE x IN accounts)
  AND clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
MERGE (src:Source {id: $source.id})
ON CREATE SET src += $source
MERGE (i:Issuance {id: $issuance.id})
ON CREATE SET i += $issuance, i.decidedOn = date($issuance.decidedOn), i.project = $project
MERGE (i)-[:OF]->(p)
MERGE (i)-[:SOURCED_FROM]->(src)
CREATE (e:Event)
SET e = $event
CREATE (e)-[:AFFECTED]->(i)
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
FOREACH (sx IN $series |
  CREATE (s:Series)
  SET s = sx, s.issuedOn = date(sx.issuedOn)
  CREATE (s)-[:ISSUED_UNDER]->(i)
  CREATE (s)-[:SOURCED_FROM]->(src))
WITH i, src, e
UNWIND $blocks AS bx
MATCH (s:Series {id: bx.series})
MATCH (a:Account {id: bx.account})
CREATE (b:CreditBlock)
SET b = bx.block, b.holder = a.id
CREATE (b)-[:IN_SERIES]->(s)
CREATE (b)-[:ISSUED_BY]->(i)
CREATE (b)-[:HELD_IN]->(a)
CREATE (b)-[:SOURCED_FROM]->(src)
CREATE (t:Transaction)
SET t = bx.tx, t.on = date(bx.tx.on), t.eventSeq = $event.seq
CREATE (t)-[:TO]->(a)
CREATE (t)-[:MOVED]->(b)
CREATE (t)-[:SOURCED_FROM]->(src)
CREATE (e)-[:AFFECTED]->(t)
RETURN i.id AS id, count(t) AS transactions
