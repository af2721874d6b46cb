// The sources of a batch of FundingProgramme nodes.
// Parameters: $keys (list of FundingProgramme.id).  Columns: key, node (map of the Source).
UNWIND $keys AS key
MATCH (n:FundingProgramme {id: key})-[:SOURCED_FROM]->(s:Source)
RETURN key, s {.*} AS node
ORDER BY key, s.url
