// How many Decision nodes match a filter (the filter slot is filled by cypher/listing.py).
// Parameters: the compiled filter parameters.  Columns: total (int).
MATCH (n:Decision)
WITH n /*derive*/
WHERE true /*filter*/
RETURN count(n) AS total
