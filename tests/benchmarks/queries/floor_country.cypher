// Benchmark floor: the three fields the simple lookup selects of one country.
// Parameters: $code (string).  Columns: code, name (string), asean (bool).
MATCH (c:Country {code: $code})
RETURN c.code AS code, c.name AS name, c.asean AS asean
