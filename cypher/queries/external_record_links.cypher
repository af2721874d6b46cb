// For a batch of external records: the JCM projects each is linked to.
// Parameters: $keys (list of ExternalRecord ids).
// Columns: key, node (map of the Project), rel (map: confidence, method, confirmed).
UNWIND $keys AS key
MATCH (r:ExternalRecord {id: key})-[s:SAME_AS]->(p:Project)
RETURN key, p {.*} AS node, s {.*} AS rel
ORDER BY key, s.confidence DESC
