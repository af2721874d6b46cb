// Drops the (holder, id) index of CreditBlock, as in a graph made before blocks kept their
// holder (a Neo4j server keeps its schema across tests; every FalkorDB test graph starts
// without one).
// Parameters: none.  Columns: none.
DROP INDEX creditblock_holder_id IF EXISTS
