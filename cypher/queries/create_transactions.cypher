// Creates Transaction nodes that do not exist yet, each with the block it moved, its accounts
// and sources, in one pass (seed/fresh_ledger.py: only for a part whose series are all new).
// Parameters: $sources (list of Source ids, shared by every row of the batch),
//             $rows (list of {props (with `on` as an ISO date), moved: CreditBlock.id,
//             to: Account.id, from: Account.id or null}).
// Columns: created (int), sent (int): transactions created, and how many of them got a FROM
//          account; sourced (int): sources found and linked to each. The writer checks all three.
OPTIONAL MATCH (src:Source)
WHERE src.id IN $sources
WITH src
ORDER BY src.id
WITH collect(src) AS sources
UNWIND $rows AS row
MATCH (b:CreditBlock {id: row.moved})
MATCH (t:Account {id: row.to})
OPTIONAL MATCH (f:Account {id: row.from})
CREATE (n:Transaction)
SET n = row.props,
    n.on = date(row.props.on)
CREATE (n)-[:MOVED]->(b)
CREATE (n)-[:TO]->(t)
FOREACH (x IN CASE WHEN f IS NULL THEN [] ELSE [f] END | CREATE (n)-[:FROM]->(x))
FOREACH (src IN sources | CREATE (n)-[:SOURCED_FROM]->(src))
RETURN count(n) AS created, count(f) AS sent, max(size(sources)) AS sourced
