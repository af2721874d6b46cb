// The credit blocks (or, filled in by cypher/export.py, the transactions) of some series
// with their source ids, for the JSON dump: ledger nodes are read series by series through
// the series index, so a dump of a large ledger costs time in proportion to its size.
// Parameters: $series (list of Series ids).
// Columns: key, props (map), sources (list of Source ids); ordered by key, so that a dump does
// not depend on the order the nodes were written in.
UNWIND $series AS sid
MATCH (n:CreditBlock)
WHERE n.series = sid
RETURN n.id AS key, n {.*} AS props, [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sources
ORDER BY key
