// The stored state of external records (to tell what an import would change), with their
// proposed or confirmed links and the pairs a person rejected.
// Parameters: $ids (list of ExternalRecord ids).
// Columns: record (map of properties), linked (list of project refs), rejected (list of refs).
UNWIND $ids AS id
MATCH (r:ExternalRecord {id: id})
OPTIONAL MATCH (r)-[:SAME_AS]->(p:Project)
WITH r, p
ORDER BY p.ref
WITH r, collect(p.ref) AS linked
OPTIONAL MATCH (r)-[:NOT_SAME_AS]->(q:Project)
WITH r, linked, q
ORDER BY q.ref
RETURN r {.*} AS record, linked, collect(q.ref) AS rejected
ORDER BY record.id
