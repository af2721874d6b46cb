// A duration, as the database returns it (the FalkorDB store refuses it: return a string).
// Parameters: $length (ISO 8601 duration string).  Columns: length (duration).
RETURN duration($length) AS length
