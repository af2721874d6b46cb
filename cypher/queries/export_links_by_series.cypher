// The relationships of one kind leaving the ledger nodes of some series, grouped by start
// node, for the JSON dump. cypher/export.py fills the labels, key properties and type in.
// Parameters: $series (list of Series ids).
// Columns: from (key), links (list of {to: key, props: map}).
UNWIND $series AS sid
MATCH (a:CreditBlock)-[r:HELD_IN]->(b:Account)
WHERE a.series = sid
WITH a, r, b
ORDER BY a.id, b.id
RETURN a.id AS from, collect({to: b.id, props: r {.*}}) AS links
ORDER BY from
