// For a batch of CAD Trust terms: the JCM sectoral scopes mapped to each.
// Parameters: $keys (list of ExternalTerm ids).  Columns: key, node (Sector map), rel (map).
UNWIND $keys AS key
MATCH (t:ExternalTerm {id: key})<-[r:MAPS_TO]-(b:Sector)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
