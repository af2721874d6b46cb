// Credits notified for issuance per year (of the decision, else of the registry issuance,
// else of the report), over the issuance records of the data qualities asked for.
// Parameters: $qualities (list of OFFICIAL, SECONDARY, ILLUSTRATIVE).
// Columns: year (int or null when the record is undated), notified (int, tCO2e),
//   decisions (int), undisclosed (int: decisions whose amount is not public).
MATCH (i:Issuance)
WHERE i.dataQuality IN $qualities
WITH i, coalesce(i.decidedOn, i.issuedOn, i.japanRegistryIssuedOn, i.reportedOn) AS dated
WITH i, CASE WHEN dated IS NULL THEN null ELSE dated.year END AS year
RETURN year, toInteger(sum(coalesce(i.notifiedTotal, 0))) AS notified, count(i) AS decisions,
       sum(CASE WHEN i.notifiedTotal IS NULL THEN 1 ELSE 0 END) AS undisclosed
ORDER BY year
