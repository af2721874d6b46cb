// Quantities moved between holders over a date window, grouped by ORGANIZATION, COUNTRY,
// REGISTRY, ACCOUNT_KIND or ACCOUNT; issuances flow from the group 'ISSUANCE'. For Sankey
// diagrams: every unit issued leaves 'ISSUANCE' once, so flows conserve what was issued.
// Only transactions of the data qualities in $qualities count.
// Parameters: $groupBy (string), $from, $to (ISO dates or null), $seriesPrefix (string),
//   $qualities (list of OFFICIAL, SECONDARY, ILLUSTRATIVE).
// Columns: source, sourceLabel, target, targetLabel (strings), quantity, transactions (int).
MATCH (t:Transaction)
WHERE ($from IS NULL OR t.on >= date($from)) AND ($to IS NULL OR t.on <= date($to))
  AND t.series STARTS WITH $seriesPrefix AND t.dataQuality IN $qualities
MATCH (t)-[:TO]->(ta:Account)
OPTIONAL MATCH (ta)-[:OWNED_BY]->(tOwner)
OPTIONAL MATCH (t)-[:FROM]->(fa:Account)
OPTIONAL MATCH (fa)-[:OWNED_BY]->(fOwner)
WITH t,
     CASE $groupBy
       WHEN 'REGISTRY' THEN [ta.registry, ta.registry]
       WHEN 'ACCOUNT_KIND' THEN [ta.kind, ta.kind]
       WHEN 'ACCOUNT' THEN [ta.id, coalesce(ta.name, ta.id)]
       WHEN 'COUNTRY' THEN [coalesce(tOwner.country, tOwner.code, 'UNKNOWN'),
                            coalesce(tOwner.country, tOwner.code, 'UNKNOWN')]
       ELSE [coalesce(tOwner.id, 'government-' + tOwner.code, 'UNKNOWN'),
             coalesce(tOwner.name, 'UNKNOWN')]
     END AS target,
     CASE
       WHEN fa IS NULL THEN ['ISSUANCE', 'Issuance']
       WHEN $groupBy = 'REGISTRY' THEN [fa.registry, fa.registry]
       WHEN $groupBy = 'ACCOUNT_KIND' THEN [fa.kind, fa.kind]
       WHEN $groupBy = 'ACCOUNT' THEN [fa.id, coalesce(fa.name, fa.id)]
       WHEN $groupBy = 'COUNTRY' THEN [coalesce(fOwner.country, fOwner.code, 'UNKNOWN'),
                                       coalesce(fOwner.country, fOwner.code, 'UNKNOWN')]
       ELSE [coalesce(fOwner.id, 'government-' + fOwner.code, 'UNKNOWN'),
             coalesce(fOwner.name, 'UNKNOWN')]
     END AS source
RETURN source[0] AS source, source[1] AS sourceLabel, target[0] AS target,
       target[1] AS targetLabel, toInteger(sum(t.quantity)) AS quantity,
       count(t) AS transactions
ORDER BY quantity DESC, source, target
