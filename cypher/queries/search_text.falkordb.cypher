// Full-text search over project titles, organization names and methodology titles, best first.
// Parameters: $text (a RediSearch query built by cypher/search_text.py), $phrase (the
//   user's words in lower case, joined by spaces), $first (int).
// Columns: kind (Project, Organization or Methodology), key (the node's key), title, score
//   (float: 3 for the phrase as the whole title, 2 at its start, 1 inside it, 0 otherwise,
//   plus a fraction that favours shorter titles).
CALL {
  CALL db.idx.fulltext.queryNodes('Project', $text) YIELD node
  RETURN 'Project' AS kind, node.ref AS key, node.title AS title
  UNION ALL
  CALL db.idx.fulltext.queryNodes('Organization', $text) YIELD node
  RETURN 'Organization' AS kind, node.id AS key, node.name AS title
  UNION ALL
  CALL db.idx.fulltext.queryNodes('Methodology', $text) YIELD node
  RETURN 'Methodology' AS kind, node.id AS key, node.title AS title
}
// The engines score differently (Lucene BM25, RediSearch TF-IDF), so the rank is computed
// here from the title alone and both stores rank alike: the whole phrase as the title, at its
// start, anywhere in it, then shorter titles (more specific) first.
WITH kind, key, title, toLower(title) AS lowered
WITH kind, key, title,
     CASE WHEN lowered = $phrase THEN 3.0
          WHEN lowered STARTS WITH $phrase THEN 2.0
          WHEN lowered CONTAINS $phrase THEN 1.0
          ELSE 0.0 END + 10.0 / (10.0 + size(title)) AS score
RETURN kind, key, title, score
ORDER BY score DESC, kind, key
LIMIT $first
