// Benchmark floor: one project with the neighbourhood the benchmark selects, the fields it
// selects and no more, in a single query. Nested lists are flat, each item naming its
// parent (nested pattern comprehensions are slow on FalkorDB). Each comprehension names its
// nodes apart from the others': FalkorDB 4.16 runs this query 15 times slower when `sectors`
// reuses the `t` of `technologies`.
// Parameters: $ref (string).  Columns: project (map with lists).
MATCH (p:Project {ref: $ref})
RETURN p {.ref, .title, .status, .registeredOn, .estimatedAnnualReduction, .dataQuality,
  hostCountry: [(p)-[:HOSTED_IN]->(c:Country) | c {.code, .name, .asean}],
  sources: [(p)-[:SOURCED_FROM]->(src:Source) | src.url],
  technologies: [(p)-[:USES]->(t:Technology) | t {.id, .name}],
  sectors: [(p)-[:USES]->(st:Technology)-[:IN_SECTOR]->(s:Sector) |
    {technology: st.id, id: s.id, name: s.name}],
  participants: [(p)<-[r:PARTICIPATES_IN]-(o:Organization) |
    {role: r.role, side: r.side, id: o.id, name: o.name}],
  funding: [(p)-[f:FUNDED_BY]->(g:FundingProgramme) | {amount: f.amount, id: g.id, name: g.name}],
  issuances: [(p)<-[:OF]-(i:Issuance) | i {.id, .notifiedTotal}],
  series: [(p)<-[:OF]-(si:Issuance)<-[:ISSUED_UNDER]-(x:Series) |
    {issuance: si.id, id: x.id, quantity: x.quantity}]
} AS project
