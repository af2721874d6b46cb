// The account of a kind (RETIREMENT, CANCELLATION, ...) in a registry, e.g. where retired
// units go. Parameters: $registry (string), $kind (string).  Columns: id (string).
MATCH (a:Account)
WHERE a.registry = $registry AND a.kind = $kind
RETURN a.id AS id
ORDER BY a.id
LIMIT 1
