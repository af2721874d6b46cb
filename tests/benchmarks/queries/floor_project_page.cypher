// Benchmark floor: a page of projects with host country, technologies and funding.
// Parameters: $limit (int).  Columns: project (map with nested lists).
MATCH (p:Project)
WITH p
ORDER BY p.ref
LIMIT $limit
RETURN p {.*,
  hostCountry: [(p)-[:HOSTED_IN]->(c:Country) | c {.*}],
  technologies: [(p)-[:USES]->(t:Technology) | t {.*}],
  funding: [(p)-[f:FUNDED_BY]->(g:FundingProgramme) | {amount: f.amount, programme: g {.*}}]
} AS project
