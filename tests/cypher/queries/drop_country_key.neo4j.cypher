// Drops the unique key of Country, so that a migration has something to create again (a Neo4j
// server keeps its schema across tests; every FalkorDB test graph starts without one).
// Parameters: none.  Columns: none.
DROP CONSTRAINT country_code_key IF EXISTS
