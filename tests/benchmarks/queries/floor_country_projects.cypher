// Benchmark floor: a country's code and name, how many projects it hosts and the ref and
// title of the first $limit of them by ref.
// Parameters: $code (string), $limit (int).  Columns: code, name (string), total (int),
// projects (list of {ref, title}).
MATCH (c:Country {code: $code})
CALL {
  WITH c
  MATCH (c)<-[:HOSTED_IN]-(p:Project)
  RETURN count(p) AS total
}
CALL {
  WITH c
  MATCH (c)<-[:HOSTED_IN]-(q:Project)
  WITH q
  ORDER BY q.ref
  LIMIT $limit
  RETURN collect(q {.ref, .title}) AS projects
}
RETURN c.code AS code, c.name AS name, total, projects
