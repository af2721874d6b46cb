// For a batch of Sector nodes: the technologies in each sectoral scope.
// Parameters: $keys (list of Sector.id).
// Columns: key (the Sector.id asked for), node (map of the Technology), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:Sector {id: key})<-[r:IN_SECTOR]-(b:Technology)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.id
