// One page of Project nodes: filtered, ordered and cut after a cursor by cypher/listing.py,
// which fills the marked slots (derived columns, filter and keyset condition, sort keys).
// Parameters: $limit (int, page size + 1), plus the compiled filter and cursor parameters.
// Columns: node (map of the Project's properties), sortKey (list: the row's sort values).
// The sort values are listed after the LIMIT, so only the page's rows make them.
MATCH (n:Project)
WITH n /*derive*/
WHERE true /*filter*/
WITH n
ORDER BY n.ref /*order*/
LIMIT $limit
WITH n, [n.ref] /*sortkey*/ AS sortKey
RETURN n {.*} AS node, sortKey
