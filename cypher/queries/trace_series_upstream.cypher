// Where a series' units come from: the registry series, the issuance decision, its
// verification and TPE, monitoring period, project, methodologies, partnership, host country,
// participants, funding and Article 6.2 authorizations (each step's sources are read through
// its own type). Anchored on the series key: the cost does not grow with the graph. What only
// some answers need is a column of its own expression, which a read may leave out
// (cypher/collected_reads.py).
// Parameters: $series (string).
// Columns: series, issuance, verification, tpe, monitoringPeriod, project, hostCountry,
//   partnership (maps or null), methodologies, participants, funding, authorizations (lists).
MATCH (s:Series {id: $series})
OPTIONAL MATCH (s)-[:ISSUED_UNDER]->(i:Issuance)
OPTIONAL MATCH (i)-[:FOR]->(v:Verification)
OPTIONAL MATCH (v)-[:BY]->(tpe:Organization)
OPTIONAL MATCH (i)-[:COVERS]->(mp:MonitoringPeriod)
OPTIONAL MATCH (i)-[named:OF]->(p:Project)
WHERE named.shared IS NULL
OPTIONAL MATCH (p)-[:HOSTED_IN]->(c:Country)
RETURN s {.*} AS series, i {.*} AS issuance, v {.*} AS verification, tpe {.*} AS tpe,
       mp {.*} AS monitoringPeriod, p {.*} AS project, c {.*} AS hostCountry,
       [(p)-[:UNDER]->(ps:Partnership) | ps {.*}][0] AS partnership,
       [(p)-[:APPLIES]->(m:Methodology) | m {.*}] AS methodologies,
       [(p)<-[r:PARTICIPATES_IN]-(o:Organization) | o {.*, role: r.role, side: r.side}]
         AS participants,
       [(p)-[f:FUNDED_BY]->(fp:FundingProgramme) | fp {.*, amount: f.amount,
         currency: f.currency, fiscalYear: f.fiscalYear}] AS funding,
       [(p)<-[:COVERS]-(auth:Authorization) | auth {.*}] AS authorizations
