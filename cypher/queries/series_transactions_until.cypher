// The transactions of some series up to a date, in order, with where they sent the units
// (to replay holdings as they were on that date).
// Parameters: $series (list of ids), $asOf (ISO date).
// Columns: series, id (strings), seq, first, last (int), on (date), to, toKind, toRegistry,
//   fromRegistry (strings or null), firstTransfer (bool), purpose (string or null),
//   vintage (int).
UNWIND $series AS sid
MATCH (t:Transaction)
WHERE t.series = sid AND t.on <= date($asOf)
MATCH (t)-[:TO]->(a:Account)
OPTIONAL MATCH (t)-[:FROM]->(f:Account)
OPTIONAL MATCH (s:Series {id: sid})
RETURN t.series AS series, t.id AS id, t.seq AS seq, t.first AS first, t.last AS last,
       t.on AS on, a.id AS to, a.kind AS toKind, a.registry AS toRegistry,
       f.registry AS fromRegistry, coalesce(t.firstTransfer, false) AS firstTransfer,
       t.purpose AS purpose, s.vintage AS vintage
ORDER BY series, seq
