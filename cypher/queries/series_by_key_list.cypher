// Series by id with their issuing registry.
// Parameters: $keys (list of Series.id).
// Columns: key, registry (string), quantity (int), issuedOn (date or null).
UNWIND $keys AS key
MATCH (s:Series {id: key})
RETURN key, s.registry AS registry, s.quantity AS quantity, s.issuedOn AS issuedOn
