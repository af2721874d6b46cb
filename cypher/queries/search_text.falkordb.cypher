// Full-text search over project titles, organization names and methodology titles, best first.
// Parameters: $text (a RediSearch query built by cypher/search_text.py), $first (int).
// Columns: kind (Project, Organization or Methodology), key (the node's key), title, score.
CALL {
  CALL db.idx.fulltext.queryNodes('Project', $text) YIELD node, score
  RETURN 'Project' AS kind, node.ref AS key, node.title AS title, score
  UNION ALL
  CALL db.idx.fulltext.queryNodes('Organization', $text) YIELD node, score
  RETURN 'Organization' AS kind, node.id AS key, node.name AS title, score
  UNION ALL
  CALL db.idx.fulltext.queryNodes('Methodology', $text) YIELD node, score
  RETURN 'Methodology' AS kind, node.id AS key, node.title AS title, score
}
RETURN kind, key, title, score
ORDER BY score DESC, kind, key
LIMIT $first
