// Creates CreditBlock nodes that do not exist yet, each with its series, issuance, holding
// account (and `holder`, that account's id) and sources, in one pass (seed/fresh_ledger.py uses it only for a part of a load whose
// series are all new, so no block of it can exist; create_credit_block_splits.cypher then links
// each to the block it was split from).
// Parameters: $sources (list of Source ids, shared by every row of the batch),
//             $rows (list of {props, series: Series.id, issuance: Issuance.id, account: Account.id}).
// Columns: created (int): blocks created (a row whose series, issuance or account is missing
//          creates nothing); sourced (int): sources linked to each. The writer checks both.
OPTIONAL MATCH (src:Source)
WHERE src.id IN $sources
WITH src
ORDER BY src.id
WITH collect(src) AS sources
UNWIND $rows AS row
MATCH (s:Series {id: row.series})
MATCH (i:Issuance {id: row.issuance})
MATCH (a:Account {id: row.account})
CREATE (n:CreditBlock)
SET n = row.props, n.holder = a.id
CREATE (n)-[:IN_SERIES]->(s)
CREATE (n)-[:ISSUED_BY]->(i)
CREATE (n)-[:HELD_IN]->(a)
FOREACH (src IN sources | CREATE (n)-[:SOURCED_FROM]->(src))
RETURN count(n) AS created, max(size(sources)) AS sourced
