// The ISO codes of the countries the graph knows.  Parameters: none.  Columns: code (string).
MATCH (c:Country)
RETURN c.code AS code
