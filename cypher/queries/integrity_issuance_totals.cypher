// Issuance decisions whose registry issuances do not add up to the notified total (only
// where at least one registry issuance is recorded).
// Parameters: none.
// Columns: issuance (id), notified (int), issued (int), series (list of ids).
MATCH (i:Issuance)
WHERE i.notifiedTotal IS NOT NULL
MATCH (s:Series)-[:ISSUED_UNDER]->(i)
WITH i, s
ORDER BY s.id
WITH i, sum(s.quantity) AS issued, collect(s.id) AS series
WHERE issued <> i.notifiedTotal
RETURN i.id AS issuance, i.notifiedTotal AS notified, toInteger(issued) AS issued, series
ORDER BY issuance
