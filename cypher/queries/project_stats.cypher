// Group-by aggregates over the projects matching a filter (the filter slot is filled by
// cypher/listing.py with the project filter). Multi-valued dimensions (sector, technology,
// programme) count a project once in each of its groups; a project without any lands in the
// null group of that dimension. YEAR is the year of registration (else selection or
// no-objection). Subqueries (not pattern comprehensions, slow on FalkorDB) collect the
// multi-valued dimensions only when grouped by. Credits come from the series' counters
// (issued, retired, cancelled), so the cost grows with series, not with credit blocks; only
// series of the data qualities asked for count (illustrative ledgers stay out by default).
// The optional matches filter after matching (CASE … THEN x END), not in a WHERE: on
// FalkorDB a WHERE there makes the match run once per project, which cost half the query.
// `notified` sums the notified totals of the issuance decisions that name the project first
// (a decision covering two projects counts once), of the data qualities asked for.
// Parts a request does not need are left out by cypher/project_stats.py: each lies between
// `// <part>: begin (else …)` and `// <part>: end` and is replaced by its `else` line (the
// credit figures, the retired and cancelled sums, the notified totals, and the sector,
// technology and programme lists when not grouped by them), as each costs a pass.
// Parameters: $byCountry, $byYear, $byStatus (bool),
//   $creditQualities (list of OFFICIAL, SECONDARY, ILLUSTRATIVE), plus the compiled filter
//   parameters.
// Columns: country, sector, technology, programme (string or null), year (int or null),
//   status (string or null), projects (int), reduction (float, tCO2e/yr),
//   issued, held, retired, cancelled, notified (int, tCO2e).
MATCH (n:Project)
WITH n /*derive*/
WHERE true /*filter*/
// credits: begin (else WITH n, 0 AS issued, 0 AS retired, 0 AS cancelled)
OPTIONAL MATCH (n)<-[o:OF]-(:Issuance)<-[:ISSUED_UNDER]-(ser:Series)
WITH n, CASE WHEN o.shared IS NULL AND ser.dataQuality IN $creditQualities THEN ser END AS ser
// retirements: begin (else WITH n, sum(coalesce(ser.quantity, 0)) AS issued, 0 AS retired, 0 AS cancelled)
WITH n, sum(coalesce(ser.quantity, 0)) AS issued, sum(coalesce(ser.retired, 0)) AS retired,
     sum(coalesce(ser.cancelled, 0)) AS cancelled
// retirements: end
// credits: end
// notified: begin (else WITH n, issued, retired, cancelled, 0 AS notified)
OPTIONAL MATCH (n)<-[named:OF]-(iss:Issuance)
WITH n, issued, retired, cancelled,
     CASE WHEN named.shared IS NULL AND iss.dataQuality IN $creditQualities THEN iss END AS iss
WITH n, issued, retired, cancelled, sum(coalesce(iss.notifiedTotal, 0)) AS notified
// notified: end
// sectors: begin (else UNWIND [[]] AS sectors)
CALL {
  WITH n
  MATCH (n)-[:USES]->(:Technology)-[:IN_SECTOR]->(sec:Sector)
  RETURN collect(DISTINCT sec.id) AS sectors
}
// sectors: end
// technologies: begin (else UNWIND [[]] AS technologies)
CALL {
  WITH n
  MATCH (n)-[:USES]->(tech:Technology)
  RETURN collect(tech.id) AS technologies
}
// technologies: end
// programmes: begin (else UNWIND [[]] AS programmes)
CALL {
  WITH n
  MATCH (n)-[:FUNDED_BY]->(prog:FundingProgramme)
  RETURN collect(prog.id) AS programmes
}
// programmes: end
UNWIND CASE WHEN $byCountry THEN [n.hostCountry] ELSE [null] END AS country
UNWIND CASE WHEN size(sectors) = 0 THEN [null] ELSE sectors END AS sector
UNWIND CASE WHEN size(technologies) = 0 THEN [null] ELSE technologies END AS technology
UNWIND CASE WHEN size(programmes) = 0 THEN [null] ELSE programmes END AS programme
WITH n, issued, retired, cancelled, notified, country, sector, technology, programme,
     coalesce(n.registeredOn, n.selectedOn, n.pinNoObjectionOn) AS dated
WITH n, issued, retired, cancelled, notified, country, sector, technology, programme,
     CASE WHEN $byYear AND dated IS NOT NULL THEN dated.year ELSE null END AS year,
     CASE WHEN $byStatus THEN n.status ELSE null END AS status
RETURN country, sector, technology, programme, year, status,
       count(n) AS projects,
       sum(coalesce(n.estimatedAnnualReduction, 0.0)) AS reduction,
       toInteger(sum(issued)) AS issued,
       toInteger(sum(issued - retired - cancelled)) AS held,
       toInteger(sum(retired)) AS retired, toInteger(sum(cancelled)) AS cancelled,
       toInteger(sum(notified)) AS notified
ORDER BY country, sector, technology, programme, year, status
