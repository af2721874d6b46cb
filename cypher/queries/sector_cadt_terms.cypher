// For a batch of sectoral scopes: the CAD Trust pick-list values they map to.
// Parameters: $keys (list of Sector ids).  Columns: key, node (ExternalTerm map), rel (map).
UNWIND $keys AS key
MATCH (s:Sector {id: key})-[r:MAPS_TO]->(t:ExternalTerm)
RETURN key, t {.*} AS node, r {.*} AS rel
ORDER BY key, t.id
