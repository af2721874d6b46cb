// FundingProgramme nodes by their key, for a batch of keys (unknown keys give no row).
// Parameters: $keys (list of FundingProgramme.id).  Columns: key, node (map of the FundingProgramme's properties).
UNWIND $keys AS key
MATCH (n:FundingProgramme {id: key})
RETURN key, n {.*} AS node
