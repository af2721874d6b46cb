// For a batch of FundingProgramme nodes, one page of the projects each programme funds, ordered by Project.ref.
// Only the page is read: the list is counted, then sorted to the first $fetch after the cursor.
// Parameters: $keys (list of FundingProgramme.id), $after (Project.ref to start after, or null), $limit (int), $fetch ($limit + 1).
// Columns: key, total (int, all of them), items (list of {node} maps), hasNext (bool).
UNWIND $keys AS key
MATCH (a:FundingProgramme {id: key})
CALL {
  WITH a
  MATCH (a)<-[:FUNDED_BY]-(b:Project)
  RETURN count(b) AS total
}
CALL {
  WITH a
  MATCH (a)<-[:FUNDED_BY]-(b:Project)
  WHERE $after IS NULL OR b.ref > $after
  WITH b
  ORDER BY b.ref
  LIMIT $fetch
  RETURN collect({node: b {.*}}) AS found
}
RETURN key, total, found[0..$limit] AS items, size(found) > $limit AS hasNext
