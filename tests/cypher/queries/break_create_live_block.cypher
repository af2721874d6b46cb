// Test only: adds a live block to a series behind the ledger's back.
// Parameters: $id, $series (strings), $first, $last (int), $account (string).  Columns: id.
MATCH (s:Series {id: $series}), (a:Account {id: $account})
CREATE (b:CreditBlock {id: $id, series: $series, first: $first, last: $last,
                       quantity: $last - $first + 1, status: 'HELD', registry: a.registry,
                       holder: a.id})
CREATE (b)-[:IN_SERIES]->(s)
CREATE (b)-[:HELD_IN]->(a)
RETURN b.id AS id
