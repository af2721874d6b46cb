// A small real query for the readiness probe: it needs a free query thread of the database.
// Parameters: none.  Columns: countries (int).
MATCH (c:Country)
RETURN count(c) AS countries
