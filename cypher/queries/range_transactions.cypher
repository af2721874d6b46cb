// Every transaction that touched any unit of a range of a series, in order, with accounts,
// owners, corresponding adjustments and sources (as trace_unit_transactions, for a range).
// Parameters: $series (string), $first (int), $last (int), $asOf (ISO date or null).
// Columns: tx, fromAccount, toAccount (maps or null), adjustments, sources (lists of maps).
MATCH (t:Transaction)
WHERE t.series = $series AND t.first <= $last AND t.last >= $first
  AND ($asOf IS NULL OR t.on <= date($asOf))
OPTIONAL MATCH (t)-[:FROM]->(fa:Account)
OPTIONAL MATCH (fa)-[:OWNED_BY]->(fo)
OPTIONAL MATCH (t)-[:TO]->(ta:Account)
OPTIONAL MATCH (ta)-[:OWNED_BY]->(tow)
WITH t, fa, fo, ta, tow
ORDER BY t.seq
RETURN t {.*} AS tx,
       CASE WHEN fa IS NULL THEN null
            ELSE fa {.*, owner: coalesce(fo.name, fo.code), ownerKey: coalesce(fo.id, fo.code),
                     ownerCountry: coalesce(fo.country, fo.code)} END AS fromAccount,
       CASE WHEN ta IS NULL THEN null
            ELSE ta {.*, owner: coalesce(tow.name, tow.code), ownerKey: coalesce(tow.id, tow.code),
                     ownerCountry: coalesce(tow.country, tow.code)} END AS toAccount,
       [(t)<-[:FOR]-(ca:CorrespondingAdjustment) | ca {.*}] AS adjustments,
       [(t)-[:SOURCED_FROM]->(s:Source) | s {.*}] AS sources
