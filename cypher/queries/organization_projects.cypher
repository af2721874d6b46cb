// For a batch of Organization nodes, one page of the projects each organization participates in, ordered by Project.ref.
// The list is matched once: counted from what it collects, then sorted to the first $fetch
// after the cursor; only the page's nodes are read whole.
// Parameters: $keys (list of Organization.id), $after (Project.ref to start after, or null), $limit (int), $fetch ($limit + 1).
// Columns: key, total (int, all of them), items (list of {node} maps), hasNext (bool).
UNWIND $keys AS key
MATCH (a:Organization {id: key})
CALL {
  WITH a
  MATCH (a)-[:PARTICIPATES_IN]->(b:Project)
  RETURN collect(b) AS listed
}
CALL {
  WITH listed
  UNWIND listed AS b
  WITH b
  WHERE $after IS NULL OR b.ref > $after
  WITH b
  ORDER BY b.ref
  LIMIT $fetch
  RETURN collect({node: b {.*}}) AS found
}
RETURN key, size(listed) AS total, found[0..$limit] AS items, size(found) > $limit AS hasNext
