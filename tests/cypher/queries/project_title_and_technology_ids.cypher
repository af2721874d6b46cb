// A project's title and the ids of the technologies it uses, sorted.
// Parameters: $ref (string).  Columns: title (string), technologies (list of strings).
MATCH (p:Project {ref: $ref})
OPTIONAL MATCH (p)-[:USES]->(t:Technology)
WITH p, t
ORDER BY t.id
RETURN p.title AS title, collect(t.id) AS technologies
