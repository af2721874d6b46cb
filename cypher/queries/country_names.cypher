// Every country's ISO code and name, for exports that name countries.
// Parameters: none.  Columns: code, name.
MATCH (c:Country)
RETURN c.code AS code, c.name AS name
ORDER BY code
