// For a batch of Country nodes: the partnerships each country is part of (rel: side).
// Parameters: $keys (list of Country.code).
// Columns: key (the Country.code asked for), node (map of the Partnership).
UNWIND $keys AS key
MATCH (a:Country {code: key})<-[:BETWEEN]-(b:Partnership)
RETURN key, b {.*} AS node
ORDER BY key, b.id
