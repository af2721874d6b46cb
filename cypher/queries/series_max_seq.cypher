// The highest transaction sequence number of each of some series (new transactions on a
// series take the numbers after it, so a unit's history stays in order).
// Parameters: $series (list of Series ids).  Columns: series (id), seq (int).
UNWIND $series AS sid
MATCH (t:Transaction)
WHERE t.series = sid
RETURN sid AS series, max(t.seq) AS seq
