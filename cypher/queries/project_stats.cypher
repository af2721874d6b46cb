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
// This text is the statement with every part; cypher/project_stats.py keeps only what a
// request needs, since on FalkorDB every pass, grouping key and sum costs time:
// - a block between `// <part>: begin` and `// <part>: end` is kept when its part is, or
//   replaced by its `(else …)` line; the part left out takes the parts inside it along;
// - a line ending in `// if: <part>` is kept when its part is (the figures of the RETURN);
// - a RETURN item ending in `// key: <part>` is a grouping key, kept when its part is, and
//   ORDER BY names the grouping keys kept;
// - the figures before `/*carried*/` become those computed before it.
// Parameters: $creditQualities (list of OFFICIAL, SECONDARY, ILLUSTRATIVE), plus the compiled
//   filter parameters.
// Columns: country, sector, technology, programme (string or null), year (int or null),
//   status (string or null), projects (int), reduction (float, tCO2e/yr),
//   issued, held, retired, cancelled, notified (int, tCO2e); only the keys and figures kept.
MATCH (n:Project)
WITH n /*derive*/
WHERE true /*filter*/
// credits: begin
OPTIONAL MATCH (n)<-[o:OF]-(:Issuance)<-[:ISSUED_UNDER]-(ser:Series)
WITH n, CASE WHEN o.shared IS NULL AND ser.dataQuality IN $creditQualities THEN ser END AS ser
// retirements: begin (else WITH n, sum(coalesce(ser.quantity, 0)) AS issued)
WITH n, sum(coalesce(ser.quantity, 0)) AS issued, sum(coalesce(ser.retired, 0)) AS retired,
     sum(coalesce(ser.cancelled, 0)) AS cancelled
// retirements: end
// credits: end
// notified: begin
OPTIONAL MATCH (n)<-[named:OF]-(iss:Issuance)
WITH n, issued, retired, cancelled /*carried*/,
     sum(CASE WHEN named.shared IS NULL AND iss.dataQuality IN $creditQualities
              THEN coalesce(iss.notifiedTotal, 0) ELSE 0 END) AS notified
// notified: end
// sectors: begin
CALL {
  WITH n
  MATCH (n)-[:USES]->(:Technology)-[:IN_SECTOR]->(sec:Sector)
  RETURN collect(DISTINCT sec.id) AS sectors
}
// sectors: end
// technologies: begin
CALL {
  WITH n
  MATCH (n)-[:USES]->(tech:Technology)
  RETURN collect(tech.id) AS technologies
}
// technologies: end
// programmes: begin
CALL {
  WITH n
  MATCH (n)-[:FUNDED_BY]->(prog:FundingProgramme)
  RETURN collect(prog.id) AS programmes
}
// programmes: end
// The lists are unwound after every subquery has run, so each runs once per project.
UNWIND CASE WHEN size(sectors) = 0 THEN [null] ELSE sectors END AS sector  // if: sectors
UNWIND CASE WHEN size(technologies) = 0 THEN [null] ELSE technologies END AS technology  // if: technologies
UNWIND CASE WHEN size(programmes) = 0 THEN [null] ELSE programmes END AS programme  // if: programmes
RETURN
  n.hostCountry AS country,  // key: country
  sector,  // key: sectors
  technology,  // key: technologies
  programme,  // key: programmes
  coalesce(n.registeredOn, n.selectedOn, n.pinNoObjectionOn).year AS year,  // key: year
  n.status AS status,  // key: status
  count(n) AS projects,
  sum(coalesce(n.estimatedAnnualReduction, 0.0)) AS reduction,  // if: reduction
  toInteger(sum(issued)) AS issued,  // if: issued
  toInteger(sum(issued - retired - cancelled)) AS held,  // if: held
  toInteger(sum(retired)) AS retired,  // if: retired
  toInteger(sum(cancelled)) AS cancelled,  // if: cancelled
  toInteger(sum(notified)) AS notified  // if: notified
ORDER BY country, sector, technology, programme, year, status
