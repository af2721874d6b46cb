// Creates $n Probe nodes numbered 1..$n.
// Parameters: $n (int).  Columns: created (int).
UNWIND range(1, $n) AS i
CREATE (p:Probe {item: i})
RETURN count(p) AS created
