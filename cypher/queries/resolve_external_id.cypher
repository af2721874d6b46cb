// An external record by registry and its own id, with the JCM projects it is linked to.
// Parameters: $registry (id), $externalId (string).
// Columns: record (map), links (list of {project: ref, confidence, method, confirmed}).
MATCH (r:ExternalRecord {id: $registry + ':' + $externalId})
OPTIONAL MATCH (r)-[s:SAME_AS]->(p:Project)
WITH r, s, p
ORDER BY p.ref
RETURN r {.*} AS record,
       collect(CASE WHEN p IS NULL THEN null ELSE {project: p.ref, confidence: s.confidence,
               method: s.method, confirmed: s.confirmed} END) AS links
