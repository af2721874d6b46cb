// The property indexes FalkorDB has (used by migrations to stay idempotent).
// Parameters: none.  Columns: label (string), properties (list of strings).
CALL db.indexes() YIELD label, properties
RETURN label, properties
