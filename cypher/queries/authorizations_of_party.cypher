// A party's Article 6.2 authorizations with the projects they cover and their sectors.
// Parameters: $party (country code).
// Columns: authorization (map), projects (list of refs), hosts (list of the projects' host
//   country codes), sectors (list of sector names), technologies (list of technology names).
MATCH (auth:Authorization {party: $party})
OPTIONAL MATCH (auth)-[:COVERS]->(p:Project)
OPTIONAL MATCH (p)-[:USES]->(t:Technology)
OPTIONAL MATCH (t)-[:IN_SECTOR]->(s:Sector)
WITH auth, p, t, s
ORDER BY p.ref, t.name, s.name
WITH auth, collect(DISTINCT p.ref) AS projects, collect(DISTINCT p.hostCountry) AS hosts,
     collect(DISTINCT s.name) AS sectors, collect(DISTINCT t.name) AS technologies
RETURN auth {.*} AS authorization, projects, hosts, sectors, technologies
ORDER BY authorization.id
