// For a batch of Transaction nodes: the account each transaction moved credits from.
// Parameters: $keys (list of Transaction.id).
// Columns: key (the Transaction.id asked for), node (map of the Account), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Transaction {id: key})-[r:FROM]->(b:Account)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
