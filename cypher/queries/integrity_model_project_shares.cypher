// For the issuances of MOEJ model projects: the GoJ share where stated, the total, and the
// ranges of the issuance's units that entered accounts of Japan's government. Anchored on each
// series' transactions, so the cost follows the model projects' own ledgers: the government's
// accounts are collected first, as ids, because matched as a pattern they led Neo4j's planner
// to start from them and expand every transfer they ever received (3.9 s against 0.15 s).
// Parameters: none.
// Columns: issuance, project (ids), share (int or null), total (int or null),
//   gojRanges (list of {series, first, last}).
OPTIONAL MATCH (jp:Country {code: 'JP'})
OPTIONAL MATCH (jp)<-[:OWNED_BY]-(goj:Account)
WHERE goj.kind = 'HOLDING'
WITH goj
ORDER BY goj.id
WITH collect(goj.id) AS gojAccounts
MATCH (p:Project)-[:FUNDED_BY]->(:FundingProgramme {id: 'MOEJ-MODEL'})
MATCH (i:Issuance)-[o:OF]->(p)
WHERE o.shared IS NULL
OPTIONAL MATCH (s:Series)-[:ISSUED_UNDER]->(i)
WITH gojAccounts, p, i, s
ORDER BY s.id
WITH gojAccounts, p, i, collect(s) AS series, sum(s.quantity) AS issued
CALL {
  WITH series, gojAccounts
  UNWIND series AS ser
  MATCH (t:Transaction)
  WHERE t.series = ser.id
  MATCH (t)-[:TO]->(a:Account)
  WHERE a.id IN gojAccounts
  WITH t
  ORDER BY t.series, t.first
  RETURN collect({series: t.series, first: t.first, last: t.last}) AS gojRanges
}
RETURN i.id AS issuance, p.ref AS project, i.japanGovernmentShare AS share,
       coalesce(i.notifiedTotal, CASE WHEN issued > 0 THEN toInteger(issued) END) AS total,
       gojRanges
ORDER BY issuance
