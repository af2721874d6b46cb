// For a batch of Partnership nodes: the two countries of each partnership (rel: side).
// Parameters: $keys (list of Partnership.id).
// Columns: key (the Partnership.id asked for), node (map of the Country), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Partnership {id: key})-[r:BETWEEN]->(b:Country)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.code
