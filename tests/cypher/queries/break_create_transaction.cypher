// Test only: records a transaction behind the ledger's back.
// Parameters: $id, $series (strings), $seq, $first, $last (int), $to (account id).  Columns: id.
MATCH (a:Account {id: $to})
CREATE (t:Transaction {id: $id, series: $series, seq: $seq, first: $first, last: $last,
                       quantity: $last - $first + 1, kind: 'TRANSFER', on: date('2026-06-01')})
CREATE (t)-[:TO]->(a)
RETURN t.id AS id
