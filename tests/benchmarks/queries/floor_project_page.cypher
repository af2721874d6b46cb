// Benchmark floor: a page of projects with the fields the benchmark selects of each, its
// host country, technologies and funding.
// Parameters: $limit (int).  Columns: project (map with nested lists).
MATCH (p:Project)
WITH p
ORDER BY p.ref
LIMIT $limit
RETURN p {.ref, .title,
  hostCountry: [(p)-[:HOSTED_IN]->(c:Country) | c {.code, .name}],
  technologies: [(p)-[:USES]->(t:Technology) | t {.id, .name}],
  funding: [(p)-[f:FUNDED_BY]->(g:FundingProgramme) | {amount: f.amount, programme: g.id}]
} AS project
