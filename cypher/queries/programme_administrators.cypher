// For a batch of FundingProgramme nodes: who administers or implements each programme (rel: role).
// Parameters: $keys (list of FundingProgramme.id).
// Columns: key (the FundingProgramme.id asked for), node (map of the Organization), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:FundingProgramme {id: key})-[r:ADMINISTERED_BY]->(b:Organization)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
