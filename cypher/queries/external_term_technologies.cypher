// For a batch of CAD Trust terms: the JCM technologies mapped to each.
// Parameters: $keys (list of ExternalTerm ids).  Columns: key, node (Technology map), rel (map).
UNWIND $keys AS key
MATCH (t:ExternalTerm {id: key})<-[r:MAPS_TO]-(b:Technology)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
