// Test only: $n credit blocks held in one account, written as before blocks kept `holder`.
// Parameters: $account (string), $n (int).  Columns: created (int).
MERGE (a:Account {id: $account})
WITH a
UNWIND range(1, $n) AS i
CREATE (b:CreditBlock {id: $account + '/' + toString(i), series: 'S', first: i, last: i,
                       quantity: 1, status: 'HELD'})
CREATE (b)-[:HELD_IN]->(a)
RETURN count(b) AS created
