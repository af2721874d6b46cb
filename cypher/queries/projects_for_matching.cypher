// Projects hosted in some countries, with what matching compares: title, participants'
// names and technology names.
// Parameters: $countries (list of codes).
// Columns: ref, title, hostCountry (strings), participants, technologies (lists of names).
MATCH (p:Project)
WHERE p.hostCountry IN $countries
OPTIONAL MATCH (p)<-[:PARTICIPATES_IN]-(o:Organization)
WITH p, o
ORDER BY o.name
WITH p, collect(o.name) AS participants
OPTIONAL MATCH (p)-[:USES]->(t:Technology)
WITH p, participants, t
ORDER BY t.name
RETURN p.ref AS ref, p.title AS title, p.hostCountry AS hostCountry, participants,
       collect(t.name) AS technologies
ORDER BY ref
