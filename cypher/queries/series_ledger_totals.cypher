// Per series, the totals the ledger invariants are screened with: what was issued, the
// retired/cancelled counters, and over the live blocks their number, units, lowest first and
// highest last unit, and retired/cancelled units. Returns numbers only, so it stays cheap
// over the whole ledger.
// Parameters: $seriesPrefix (string, '' for all).
// Columns: series, issued, retired, cancelled, blocks, units, lowest, highest,
//   liveRetired, liveCancelled (int; lowest/highest null when no live block).
MATCH (s:Series)
WHERE s.id STARTS WITH $seriesPrefix
OPTIONAL MATCH (s)<-[:IN_SERIES]-(b:CreditBlock)
WHERE b.status <> 'SUPERSEDED'
RETURN s.id AS series, s.quantity AS issued, coalesce(s.retired, 0) AS retired,
       coalesce(s.cancelled, 0) AS cancelled, count(b) AS blocks,
       toInteger(sum(coalesce(b.quantity, 0))) AS units, min(b.first) AS lowest,
       max(b.last) AS highest,
       toInteger(sum(CASE WHEN b.status = 'RETIRED' THEN b.quantity ELSE 0 END)) AS liveRetired,
       toInteger(sum(CASE WHEN b.status = 'CANCELLED' THEN b.quantity ELSE 0 END))
         AS liveCancelled
