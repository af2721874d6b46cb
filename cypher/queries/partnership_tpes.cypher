// For a batch of Partnership nodes: the TPE designations under each partnership (rel: id, number, designatedOn, status, scopes…).
// Parameters: $keys (list of Partnership.id).
// Columns: key (the Partnership.id asked for), node (map of the Organization), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Partnership {id: key})<-[r:DESIGNATED_AS_TPE]-(b:Organization)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
