// The series of projects covered by Article 6.2 authorizations, optionally of one party.
// Parameters: $party (country code or null).
// Columns: series (id), authorization (id), party (code), project (ref), vintage (int).
MATCH (auth:Authorization)-[:COVERS]->(p:Project)<-[o:OF]-(:Issuance)<-[:ISSUED_UNDER]-(s:Series)
WHERE o.shared IS NULL AND ($party IS NULL OR auth.party = $party)
RETURN s.id AS series, auth.id AS authorization, auth.party AS party, p.ref AS project,
       s.vintage AS vintage
ORDER BY series
