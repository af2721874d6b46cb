// For a batch of projects: the external records linked to each (proposed or confirmed).
// Parameters: $keys (list of Project refs).
// Columns: key, node (map of the ExternalRecord), rel (map: confidence, method, confirmed).
UNWIND $keys AS key
MATCH (p:Project {ref: key})<-[s:SAME_AS]-(r:ExternalRecord)
RETURN key, r {.*} AS node, s {.*} AS rel
ORDER BY key, r.id
