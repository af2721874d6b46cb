// The Neo4j server's version and edition.
// Parameters: none.  Columns: version (string), edition (string: community or enterprise).
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version, edition
