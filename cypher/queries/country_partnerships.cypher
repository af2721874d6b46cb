// For a batch of Country nodes: the partnerships each country is part of (rel: side).
// Parameters: $keys (list of Country.code).
// Columns: key (the Country.code asked for), node (map of the Partnership), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Country {code: key})<-[r:BETWEEN]-(b:Partnership)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
