// For a batch of Country nodes: the registry accounts each country (its government) owns.
// Parameters: $keys (list of Country.code).
// Columns: key (the Country.code asked for), node (map of the Account), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Country {code: key})<-[r:OWNED_BY]-(b:Account)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
