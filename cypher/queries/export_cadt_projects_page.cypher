// One page of projects in the CAD Trust v2 project shape (with JCM Graph's taxonomy mapping),
// ordered by ref. Parameters: $after (ref or null), $limit (int).
// Columns: ref, title, status, statusDate (date or null), note, dataQuality, hostCountry,
//   location, sectors, types (lists of CAD Trust values), subtypes (technology names),
//   sources (list of URLs).
MATCH (p:Project)
WHERE $after IS NULL OR p.ref > $after
WITH p
ORDER BY p.ref
LIMIT $limit
OPTIONAL MATCH (p)-[:USES]->(:Technology)-[:IN_SECTOR]->(:Sector)-[:MAPS_TO]->(st:ExternalTerm)
WITH p, st
ORDER BY st.value
WITH p, collect(DISTINCT st.value) AS sectors
OPTIONAL MATCH (p)-[:USES]->(:Technology)-[:MAPS_TO]->(tt:ExternalTerm {field: 'projectType'})
WITH p, sectors, tt
ORDER BY tt.value
WITH p, sectors, collect(DISTINCT tt.value) AS types
OPTIONAL MATCH (p)-[:USES]->(tech:Technology)
WITH p, sectors, types, tech
ORDER BY tech.name
WITH p, sectors, types, collect(tech.name) AS subtypes
OPTIONAL MATCH (p)-[:SOURCED_FROM]->(s:Source)
WITH p, sectors, types, subtypes, s
ORDER BY s.url
RETURN p.ref AS ref, p.title AS title, p.status AS status,
       coalesce(p.registeredOn, p.selectedOn, p.pinNoObjectionOn) AS statusDate,
       p.note AS note, p.dataQuality AS dataQuality, p.hostCountry AS hostCountry,
       p.location AS location, sectors, types, subtypes, collect(s.url) AS sources
ORDER BY ref
