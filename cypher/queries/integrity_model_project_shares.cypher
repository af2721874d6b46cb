// For the issuances of MOEJ model projects: the GoJ share where stated, the total, and the
// ranges of the issuance's units that entered accounts of Japan's government (anchored on
// each series' transactions, so the cost follows the model projects' own ledgers).
// Parameters: none.
// Columns: issuance, project (ids), share (int or null), total (int or null),
//   gojRanges (list of {series, first, last}).
MATCH (p:Project)-[:FUNDED_BY]->(:FundingProgramme {id: 'MOEJ-MODEL'})
MATCH (i:Issuance)-[o:OF]->(p)
WHERE o.shared IS NULL
OPTIONAL MATCH (s:Series)-[:ISSUED_UNDER]->(i)
WITH p, i, s
ORDER BY s.id
WITH p, i, collect(s) AS series, sum(s.quantity) AS issued
CALL {
  WITH series
  UNWIND series AS ser
  MATCH (t:Transaction)
  WHERE t.series = ser.id
  WITH t
  MATCH (t)-[:TO]->(a:Account)-[:OWNED_BY]->(owner:Country)
  WHERE a.kind = 'HOLDING' AND owner.code = 'JP'
  WITH t
  ORDER BY t.series, t.first
  RETURN collect({series: t.series, first: t.first, last: t.last}) AS gojRanges
}
RETURN i.id AS issuance, p.ref AS project, i.japanGovernmentShare AS share,
       coalesce(i.notifiedTotal, CASE WHEN issued > 0 THEN toInteger(issued) END) AS total,
       gojRanges
ORDER BY issuance
