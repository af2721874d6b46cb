// Removes every node and relationship of the graph (`jcm seed --reset`, test isolation).
// Parameters: none.  Columns: deleted (int).
MATCH (n)
DETACH DELETE n
RETURN count(n) AS deleted
