// How many series ids start with a prefix (to number the next series of a registry, project
// and vintage).  Parameters: $prefix (string).  Columns: taken (int).
MATCH (s:Series)
WHERE s.id STARTS WITH $prefix
RETURN count(s) AS taken
