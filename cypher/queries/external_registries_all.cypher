// Every external registry, by id.  Parameters: none.  Columns: node (map of the registry).
MATCH (r:ExternalRegistry)
RETURN r {.*} AS node
ORDER BY r.id
