// Names of the indexes Neo4j has; a unique constraint's backing index carries the constraint's
// name, so this also tells which constraints exist (migrations use it to stay idempotent).
// Parameters: none.  Columns: name (string).
SHOW INDEXES YIELD name
RETURN name
