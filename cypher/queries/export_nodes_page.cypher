// One page of the nodes of one label with their source ids, for the JSON dump. cypher/export.py
// fills the label and key property (from the node-key whitelist) into the marked places.
// Parameters: $after (key to start after, or null), $limit (int).
// Columns: key, props (map), sources (list of Source ids).
MATCH (n:Country)
WHERE $after IS NULL OR n.code > $after
WITH n
ORDER BY n.code
LIMIT $limit
RETURN n.code AS key, n {.*} AS props, [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sources
