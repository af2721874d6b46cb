// For a batch of Series nodes, one page of the credit blocks of each series, superseded ones included, ordered by CreditBlock.id.
// The list is matched once: counted from what it collects, then sorted to the first $fetch
// after the cursor; only the page's nodes are read whole.
// Parameters: $keys (list of Series.id), $after (CreditBlock.id to start after, or null), $limit (int), $fetch ($limit + 1).
// Columns: key, total (int, all of them), items (list of {node} maps), hasNext (bool).
UNWIND $keys AS key
MATCH (a:Series {id: key})
CALL {
  WITH a
  MATCH (a)<-[:IN_SERIES]-(b:CreditBlock)
  RETURN collect(b) AS listed
}
CALL {
  WITH listed
  UNWIND listed AS b
  WITH b
  WHERE $after IS NULL OR b.id > $after
  WITH b
  ORDER BY b.id
  LIMIT $fetch
  RETURN collect({node: b {.*}}) AS found
}
RETURN key, size(listed) AS total, found[0..$limit] AS items, size(found) > $limit AS hasNext
