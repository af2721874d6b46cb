// One page of Country nodes: filtered, ordered and cut after a cursor by cypher/listing.py,
// which fills the marked slots (derived columns, filter and keyset condition, sort keys).
// Parameters: $limit (int, page size + 1), plus the compiled filter and cursor parameters.
// Columns: node (map of the Country's properties), sortKey (list: the row's sort values).
// The sort values are listed after the LIMIT, so only the page's rows make them.
MATCH (n:Country)
WITH n /*derive*/
WHERE true /*filter*/
WITH n
ORDER BY n.code /*order*/
LIMIT $limit
WITH n, [n.code] /*sortkey*/ AS sortKey
RETURN n {.*} AS node, sortKey
