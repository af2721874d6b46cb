// For a batch of Project nodes: each project's funding (rel: amount, currency, fiscalYear, subsidyRate, note).
// Parameters: $keys (list of Project.ref).
// Columns: key (the Project.ref asked for), node (map of the FundingProgramme), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Project {ref: key})-[r:FUNDED_BY]->(b:FundingProgramme)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
