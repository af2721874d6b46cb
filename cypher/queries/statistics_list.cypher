// Headline statistics, optionally of one metric, with the country or programme they concern.
// Parameters: $metric (string or null).
// Columns: node (map of the Statistic), country (code or null), programme (id or null).
MATCH (s:Statistic)
WHERE $metric IS NULL OR s.metric = $metric
OPTIONAL MATCH (s)-[:ABOUT]->(c:Country)
OPTIONAL MATCH (s)-[:ABOUT]->(f:FundingProgramme)
RETURN s {.*} AS node, c.code AS country, f.id AS programme
ORDER BY s.metric, s.asOf, s.id
