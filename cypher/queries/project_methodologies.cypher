// For a batch of Project nodes: the methodologies each project applies (rel: basis, version).
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the Methodology), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Project {ref: key})-[r:APPLIES]->(b:Methodology)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
