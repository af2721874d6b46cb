// The project that a retired placeholder reference now names (e.g. X-BD-01 is BD002).
// Parameters: $ref (a former Project.ref).  Columns: node (map of the Project's properties).
MATCH (n:Project)
WHERE $ref IN n.formerRefs
RETURN n {.*} AS node
ORDER BY n.ref
LIMIT 1
