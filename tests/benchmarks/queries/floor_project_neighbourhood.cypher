// Benchmark floor: one project with its whole neighbourhood in a single query (flat lists:
// nested pattern comprehensions are slow on FalkorDB).
// Parameters: $ref (string).  Columns: project (map with lists).
MATCH (p:Project {ref: $ref})
RETURN p {.*,
  hostCountry: [(p)-[:HOSTED_IN]->(c:Country) | c {.*}],
  technologies: [(p)-[:USES]->(t:Technology) | t {.*}],
  sectors: [(p)-[:USES]->(:Technology)-[:IN_SECTOR]->(s:Sector) | s {.*}],
  participants: [(p)<-[r:PARTICIPATES_IN]-(o:Organization) | {role: r.role, side: r.side, organization: o {.*}}],
  funding: [(p)-[f:FUNDED_BY]->(g:FundingProgramme) | {amount: f.amount, programme: g {.*}}],
  issuances: [(p)<-[:OF]-(i:Issuance) | i {.*}],
  series: [(p)<-[:OF]-(:Issuance)<-[:ISSUED_UNDER]-(x:Series) | x {.*}],
  sources: [(p)-[:SOURCED_FROM]->(src:Source) | src {.*}]
} AS project
