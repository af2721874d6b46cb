// For a batch of Organization nodes: the country each organization is based in.
// Parameters: $keys (list of Organization.id).
// Columns: key (the Organization.id asked for), node (map of the Country).
UNWIND $keys AS key
MATCH (a:Organization {id: key})-[:BASED_IN]->(b:Country)
RETURN key, b {.*} AS node
ORDER BY key, b.code
