// Full-text search over project titles, organization names and methodology titles, best first.
// Parameters: $text (a Lucene query built by cypher/search_text.py), $first (int).
// Columns: kind (Project, Organization or Methodology), key (the node's key), title, score.
CALL {
  CALL db.index.fulltext.queryNodes('project_title_fulltext', $text) YIELD node, score
  RETURN 'Project' AS kind, node.ref AS key, node.title AS title, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('organization_name_fulltext', $text) YIELD node, score
  RETURN 'Organization' AS kind, node.id AS key, node.name AS title, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('methodology_title_fulltext', $text) YIELD node, score
  RETURN 'Methodology' AS kind, node.id AS key, node.title AS title, score
}
RETURN kind, key, title, score
ORDER BY score DESC, kind, key
LIMIT $first
