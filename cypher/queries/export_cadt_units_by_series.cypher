// The live credit blocks of some series in the CAD Trust v2 unit shape (read through the
// series index, so the export costs time in proportion to the ledger).
// Parameters: $series (list of Series ids).
// Columns: id, series, first, last, quantity, vintage, status, dataQuality, issuance (id),
//   project,
//   owner (name), statusDate (date of the last transaction), purpose, beneficiary,
//   authorization (id or null), unitTypes (list), sources (list of URLs).
UNWIND $series AS sid
MATCH (b:CreditBlock)
WHERE b.series = sid AND b.status <> 'SUPERSEDED'
WITH b
MATCH (b)-[:IN_SERIES]->(s:Series)
OPTIONAL MATCH (b)-[:HELD_IN]->(:Account)-[:OWNED_BY]->(owner)
OPTIONAL MATCH (b)<-[:MOVED]-(t:Transaction)
WITH b, s, owner, t
ORDER BY t.seq DESC
WITH b, s, owner, collect(t)[0] AS last
OPTIONAL MATCH (s)-[:ISSUED_UNDER]->(iss:Issuance)-[o:OF]->(p:Project)
WHERE o.shared IS NULL
OPTIONAL MATCH (p)<-[:COVERS]-(auth:Authorization)
OPTIONAL MATCH (p)-[:USES]->(:Technology)-[:MAPS_TO]->(ut:ExternalTerm {field: 'unitType'})
OPTIONAL MATCH (b)-[:SOURCED_FROM]->(src:Source)
WITH b, s, owner, last, iss, p, auth, ut, src
ORDER BY auth.id, ut.value, src.url
RETURN b.id AS id, b.series AS series, b.first AS first, b.last AS last,
       b.quantity AS quantity, b.vintage AS vintage, b.status AS status,
       b.dataQuality AS dataQuality, iss.id AS issuance, p.ref AS project,
       coalesce(owner.name, owner.code) AS owner,
       last.on AS statusDate, last.purpose AS purpose, last.beneficiary AS beneficiary,
       head(collect(DISTINCT auth.id)) AS authorization,
       collect(DISTINCT ut.value) AS unitTypes, collect(DISTINCT src.url) AS sources
ORDER BY id
