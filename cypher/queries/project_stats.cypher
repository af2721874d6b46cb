// Group-by aggregates over the projects matching a filter (the filter slot is filled by
// cypher/listing.py with the project filter). Multi-valued dimensions (sector, technology,
// programme) count a project once in each of its groups; a project without any lands in the
// null group of that dimension. YEAR is the year of registration (else selection or no-objection).
// Parameters: $byCountry, $bySector, $byTechnology, $byProgramme, $byYear, $byStatus (bool),
//   plus the compiled filter parameters.
// Columns: country, sector, technology, programme (string or null), year (int or null),
//   status (string or null), projects (int), reduction (float, tCO2e/yr),
//   issued, held, retired, cancelled (int, tCO2e).
MATCH (n:Project)
WITH n /*derive*/
WHERE true /*filter*/
WITH n,
     reduce(t = 0, q IN [(n)<-[:OF]-(:Issuance)<-[:ISSUED_UNDER]-(ser:Series) | ser.quantity] | t + q)
       AS issued,
     [(n)<-[:OF]-(:Issuance)<-[:ISSUED_BY]-(blk:CreditBlock) | {status: blk.status, quantity: blk.quantity}]
       AS blocks,
     CASE WHEN $bySector
       THEN reduce(acc = [], x IN [(n)-[:USES]->(:Technology)-[:IN_SECTOR]->(sec:Sector) | sec.id] |
                   CASE WHEN x IN acc THEN acc ELSE acc + [x] END)
       ELSE [] END AS sectors,
     CASE WHEN $byTechnology THEN [(n)-[:USES]->(tech:Technology) | tech.id] ELSE [] END AS technologies,
     CASE WHEN $byProgramme THEN [(n)-[:FUNDED_BY]->(f:FundingProgramme) | f.id] ELSE [] END
       AS programmes,
     coalesce(n.registeredOn, n.selectedOn, n.pinNoObjectionOn) AS dated
WITH n, issued, sectors, technologies, programmes, dated,
     reduce(t = 0, b IN blocks | t + CASE WHEN b.status = 'HELD' THEN b.quantity ELSE 0 END) AS held,
     reduce(t = 0, b IN blocks | t + CASE WHEN b.status = 'RETIRED' THEN b.quantity ELSE 0 END)
       AS retired,
     reduce(t = 0, b IN blocks | t + CASE WHEN b.status = 'CANCELLED' THEN b.quantity ELSE 0 END)
       AS cancelled
UNWIND CASE WHEN $byCountry THEN [n.hostCountry] ELSE [null] END AS country
UNWIND CASE WHEN size(sectors) = 0 THEN [null] ELSE sectors END AS sector
UNWIND CASE WHEN size(technologies) = 0 THEN [null] ELSE technologies END AS technology
UNWIND CASE WHEN size(programmes) = 0 THEN [null] ELSE programmes END AS programme
WITH n, issued, held, retired, cancelled, country, sector, technology, programme,
     CASE WHEN $byYear AND dated IS NOT NULL THEN dated.year ELSE null END AS year,
     CASE WHEN $byStatus THEN n.status ELSE null END AS status
RETURN country, sector, technology, programme, year, status,
       count(n) AS projects,
       sum(coalesce(n.estimatedAnnualReduction, 0.0)) AS reduction,
       toInteger(sum(issued)) AS issued, toInteger(sum(held)) AS held,
       toInteger(sum(retired)) AS retired, toInteger(sum(cancelled)) AS cancelled
ORDER BY country, sector, technology, programme, year, status
