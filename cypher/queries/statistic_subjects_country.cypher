// For a batch of Statistic nodes: the country a statistic is about.
// Parameters: $keys (list of Statistic.id).
// Columns: key (the Statistic.id asked for), node (map of the Country), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Statistic {id: key})-[r:ABOUT]->(b:Country)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.code
