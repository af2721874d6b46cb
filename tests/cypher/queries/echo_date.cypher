// Returns a date parameter as a date value (dates travel as ISO strings, queries call date()).
// Parameters: $on (date).  Columns: on (date), year (int).
WITH date($on) AS on
RETURN on, on.year AS year
