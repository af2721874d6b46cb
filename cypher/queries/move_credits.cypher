// Transfers, retires or cancels credit ranges in one all-or-nothing statement, appending the
// audit event. Each move names a live block as it was planned; the statement first takes each
// block's write lock (a SET, for Neo4j), then re-checks that the block is still live, HELD, held by
// the source account with the planned range, that the audit chain head is unchanged and that
// the idempotency key is unused - and writes nothing (returns no row) when any check fails.
// A move of a whole block re-points it; a partial move supersedes it with split children.
// Every block keeps `holder`, the id of the account it is HELD_IN.
// Parameters: $moves (list of {block, from, first, last, whole, moved, series, pieces: list of
//   {id, first, last, moved}, tx: map of Transaction properties}), $to (account id),
//   $status (HELD, RETIRED or CANCELLED), $counters (list of {series, retired, cancelled}),
//   $event (map of Event properties), $idempotency (map {key, action, result, requestHash} or
//   null), $source (map of Source properties), $dataQuality (string).
// Columns: applied (bool), transactions (list of transaction ids).
UNWIND $moves AS m
MATCH (b:CreditBlock {id: m.block})
// Neo4j: this write takes the block's write lock, held until commit. Everything checked below
// is read after it, so a concurrent move of the same block waits for that one to commit and
// then sees its result (and writes nothing). The property is gone again at commit.
SET b.lockedBy = $event.seq
SET b.lockedBy = null
WITH m, b
OPTIONAL MATCH (b)-[:HELD_IN]->(a:Account)
WITH collect(CASE WHEN a.id = m.from AND b.status = 'HELD' AND b.first = m.first
                   AND b.last = m.last THEN 1 ELSE 0 END) AS checks
OPTIONAL MATCH (clash:Event {seq: $event.seq})
OPTIONAL MATCH (prev:Event {seq: $event.seq - 1})
OPTIONAL MATCH (done:IdempotencyKey {key: coalesce($idempotency.key, '')})
WITH checks, clash, prev, done
WHERE size(checks) = size($moves) AND all(c IN checks WHERE c = 1)
  AND clash IS NULL AND done IS NULL
  AND (($event.seq = 1 AND prev IS NULL) OR prev.hash = $event.prevHash)
MATCH (dst:Account {id: $to})
MERGE (src:Source {id: $source.id})
ON CREATE SET src += $source
CREATE (e:Event)
SET e = $event
FOREACH (k IN CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END |
  CREATE (:IdempotencyKey {key: k.key, action: k.action, result: k.result,
                           requestHash: k.requestHash, eventSeq: $event.seq}))
WITH dst, src, e
UNWIND $moves AS m
MATCH (b:CreditBlock {id: m.block})-[held:HELD_IN]->(:Account)
MATCH (b)-[:IN_SERIES]->(s:Series)
MATCH (b)-[:ISSUED_BY]->(iss:Issuance)
MATCH (from:Account {id: m.from})
FOREACH (x IN CASE WHEN m.whole THEN [1] ELSE [] END |
  DELETE held
  CREATE (b)-[:HELD_IN]->(dst)
  SET b.status = $status, b.registry = dst.registry, b.holder = dst.id)
FOREACH (x IN CASE WHEN m.whole THEN [] ELSE [1] END |
  SET b.status = 'SUPERSEDED')
FOREACH (p IN CASE WHEN m.whole THEN [] ELSE m.pieces END |
  CREATE (c:CreditBlock {id: p.id, series: b.series, first: p.first, last: p.last,
                         quantity: p.last - p.first + 1, vintage: b.vintage,
                         registry: CASE WHEN p.moved THEN dst.registry ELSE b.registry END,
                         status: CASE WHEN p.moved THEN $status ELSE 'HELD' END,
                         holder: CASE WHEN p.moved THEN dst.id ELSE from.id END,
                         dataQuality: $dataQuality})
  CREATE (c)-[:SPLIT_FROM]->(b)
  CREATE (c)-[:IN_SERIES]->(s)
  CREATE (c)-[:ISSUED_BY]->(iss)
  CREATE (c)-[:SOURCED_FROM]->(src)
  FOREACH (y IN CASE WHEN p.moved THEN [1] ELSE [] END | CREATE (c)-[:HELD_IN]->(dst))
  FOREACH (y IN CASE WHEN p.moved THEN [] ELSE [1] END | CREATE (c)-[:HELD_IN]->(from)))
WITH dst, src, e, m, from
MATCH (moved:CreditBlock {id: m.moved})
CREATE (t:Transaction)
SET t = m.tx, t.on = date(m.tx.on)
CREATE (t)-[:FROM]->(from)
CREATE (t)-[:TO]->(dst)
CREATE (t)-[:MOVED]->(moved)
CREATE (t)-[:SOURCED_FROM]->(src)
CREATE (e)-[:AFFECTED]->(t)
WITH e, collect(t.id) AS transactions
UNWIND $counters AS k
MATCH (s:Series {id: k.series})
SET s.retired = coalesce(s.retired, 0) + k.retired,
    s.cancelled = coalesce(s.cancelled, 0) + k.cancelled
RETURN true AS applied, transactions
LIMIT 1
