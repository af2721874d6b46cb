// One page of the relationships of one kind, grouped by their start node, for the JSON dump.
// cypher/export.py fills the two labels, their key properties and the relationship type
// (from the link whitelist) into the marked places.
// Parameters: $after (start key to start after, or null), $limit (int).
// Columns: from (key), links (list of {to: key, props: map}; relationships that may repeat
//          between two nodes are told apart, and ordered, by their `id`).
MATCH (a:Partnership)-[r:BETWEEN]->(b:Country)
WHERE $after IS NULL OR a.id > $after
WITH a, r, b
ORDER BY a.id, b.code, r.id
WITH a, collect({to: b.code, props: r {.*}}) AS links
ORDER BY a.id
LIMIT $limit
RETURN a.id AS from, links
