// How many nodes carry a label, from FalkorDB's own count of each label: the total of an
// unfiltered page (cypher/listing.py). A `MATCH (n:L) RETURN count(n)` reads that count only
// when it is the whole statement; inside a page's CALL { } it scans the label (the first
// page of 114,404 credit blocks with its total: 30 to 36 ms so, 20 to 24 this way).
// Parameters: $totalLabel (string).  Columns: total (int).
CALL db.meta.stats() YIELD labels
RETURN coalesce(labels[$totalLabel], 0) AS total
