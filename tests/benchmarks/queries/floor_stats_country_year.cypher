// Benchmark floor: project counts and credits issued by host country and registration year.
// Parameters: none.  Columns: country, year, projects, issued.
MATCH (p:Project)
OPTIONAL MATCH (p)<-[:OF]-(:Issuance)<-[:ISSUED_UNDER]-(s:Series)
WITH p, sum(coalesce(s.quantity, 0)) AS issued
RETURN p.hostCountry AS country, p.registeredOn.year AS year, count(p) AS projects,
       toInteger(sum(issued)) AS issued
ORDER BY country, year
