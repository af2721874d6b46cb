// Counts every triple of Probe nodes: with a thousand probes, a query that runs for minutes.
// Parameters: none.  Columns: triples (int).
MATCH (a:Probe), (b:Probe), (c:Probe)
WHERE a.item + b.item + c.item > 0
RETURN count(*) AS triples
