// First international transfers of units whose project an Article 6.2 authorization covers,
// with the corresponding adjustments recorded for each.
// Parameters: $seriesPrefix (string, '' for all).
// Columns: id, series, first, last, on (the transaction), authorization, party,
//   adjustments (list of adjustment ids).
MATCH (t:Transaction)
WHERE t.firstTransfer = true AND t.series STARTS WITH $seriesPrefix
MATCH (s:Series {id: t.series})-[:ISSUED_UNDER]->(:Issuance)-[o:OF]->(p:Project)
WHERE o.shared IS NULL
MATCH (p)<-[:COVERS]-(auth:Authorization)
OPTIONAL MATCH (t)<-[:FOR]-(ca:CorrespondingAdjustment)
WITH t, auth, ca
ORDER BY ca.id
WITH t, auth, collect(ca.id) AS adjustments
RETURN t.id AS id, t.series AS series, t.first AS first, t.last AS last, t.on AS on,
       auth.id AS authorization, auth.party AS party, adjustments
ORDER BY t.seq
