// Where a series' units come from: the registry series, the issuance decision, its
// verification and TPE, monitoring period, project, methodologies, partnership, host country,
// participants, funding and Article 6.2 authorizations, each with its sources.
// Parameters: $series (string).
// Columns: series, issuance, verification, tpe, monitoringPeriod, project, hostCountry,
//   partnership (maps or null), methodologies, participants, funding, authorizations (lists),
//   sources (map: step name -> list of Source maps).
MATCH (s:Series {id: $series})
OPTIONAL MATCH (s)-[:ISSUED_UNDER]->(i:Issuance)
OPTIONAL MATCH (i)-[:FOR]->(v:Verification)
OPTIONAL MATCH (v)-[:BY]->(tpe:Organization)
OPTIONAL MATCH (i)-[:COVERS]->(mp:MonitoringPeriod)
OPTIONAL MATCH (i)-[:OF]->(p:Project)
OPTIONAL MATCH (p)-[:HOSTED_IN]->(c:Country)
OPTIONAL MATCH (p)-[:UNDER]->(ps:Partnership)
RETURN s {.*} AS series, i {.*} AS issuance, v {.*} AS verification, tpe {.*} AS tpe,
       mp {.*} AS monitoringPeriod, p {.*} AS project, c {.*} AS hostCountry,
       ps {.*} AS partnership,
       [(p)-[:APPLIES]->(m:Methodology) | m {.*}] AS methodologies,
       [(p)<-[r:PARTICIPATES_IN]-(o:Organization) | o {.*, role: r.role, side: r.side}]
         AS participants,
       [(p)-[f:FUNDED_BY]->(fp:FundingProgramme) | fp {.*, amount: f.amount,
         currency: f.currency, fiscalYear: f.fiscalYear}] AS funding,
       [(p)<-[:COVERS]-(auth:Authorization) | auth {.*}] AS authorizations,
       {series: [(s)-[:SOURCED_FROM]->(x:Source) | x {.*}],
        issuance: [(i)-[:SOURCED_FROM]->(x:Source) | x {.*}],
        verification: [(v)-[:SOURCED_FROM]->(x:Source) | x {.*}],
        monitoringPeriod: [(mp)-[:SOURCED_FROM]->(x:Source) | x {.*}],
        project: [(p)-[:SOURCED_FROM]->(x:Source) | x {.*}],
        authorizations: [(p)<-[:COVERS]-(:Authorization)-[:SOURCED_FROM]->(x:Source) | x {.*}]}
         AS sources
