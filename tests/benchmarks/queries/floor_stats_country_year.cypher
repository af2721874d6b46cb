// Benchmark floor: project counts and credits issued by host country and year, as `stats`
// counts them: the year of registration (else selection or no-objection), and only the
// series of real issuances (OFFICIAL or SECONDARY) of the decision naming the project first.
// Parameters: none.  Columns: country, year, projects, issued.
MATCH (p:Project)
OPTIONAL MATCH (p)<-[o:OF]-(:Issuance)<-[:ISSUED_UNDER]-(s:Series)
WITH p, CASE WHEN o.shared IS NULL AND s.dataQuality IN ['OFFICIAL', 'SECONDARY']
             THEN s.quantity ELSE 0 END AS quantity
WITH p, sum(quantity) AS issued
WITH p, issued, coalesce(p.registeredOn, p.selectedOn, p.pinNoObjectionOn) AS dated
RETURN p.hostCountry AS country, dated.year AS year, count(p) AS projects,
       toInteger(sum(issued)) AS issued
ORDER BY country, year
