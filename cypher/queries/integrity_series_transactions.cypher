// Per series, its transactions in order with where they sent units, for the check that no
// retired or cancelled unit moves again.
// Parameters: $seriesPrefix (string, '' for all).
// Columns: series (string), transactions (list of {id, seq, first, last, toKind}).
MATCH (t:Transaction)
WHERE t.series STARTS WITH $seriesPrefix
OPTIONAL MATCH (t)-[:TO]->(a:Account)
WITH t, a
ORDER BY t.series, t.seq
RETURN t.series AS series,
       collect({id: t.id, seq: t.seq, first: t.first, last: t.last, toKind: a.kind})
         AS transactions
