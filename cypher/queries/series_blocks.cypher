// For a batch of Series nodes, one page of the credit blocks of each series, superseded ones included, ordered by CreditBlock.id.
// Only the page is read: the list is counted, then sorted to the first $fetch after the cursor.
// Parameters: $keys (list of Series.id), $after (CreditBlock.id to start after, or null), $limit (int), $fetch ($limit + 1).
// Columns: key, total (int, all of them), items (list of {node} maps), hasNext (bool).
UNWIND $keys AS key
MATCH (a:Series {id: key})
CALL {
  WITH a
  MATCH (a)<-[:IN_SERIES]-(b:CreditBlock)
  RETURN count(b) AS total
}
CALL {
  WITH a
  MATCH (a)<-[:IN_SERIES]-(b:CreditBlock)
  WHERE $after IS NULL OR b.id > $after
  WITH b
  ORDER BY b.id
  LIMIT $fetch
  RETURN collect({node: b {.*}}) AS found
}
RETURN key, total, found[0..$limit] AS items, size(found) > $limit AS hasNext
