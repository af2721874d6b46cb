// Creates FalkorDB's full-text index on one node property (migrations).
// Parameters: $label (string), $prop (string).  Columns: none.
CALL db.idx.fulltext.createNodeIndex($label, $prop)
