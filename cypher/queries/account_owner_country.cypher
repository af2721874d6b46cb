// For a batch of Account nodes: the country (government) owning each account.
// Parameters: $keys (list of Account.id).
// Columns: key (the Account.id asked for), node (map of the Country), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Account {id: key})-[r:OWNED_BY]->(b:Country)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.code
