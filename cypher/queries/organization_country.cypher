// For a batch of Organization nodes: the country each organization is based in.
// Parameters: $keys (list of Organization.id).
// Columns: key (the Organization.id asked for), node (map of the Country), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Organization {id: key})-[r:BASED_IN]->(b:Country)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.code
