// The indexes FalkorDB has (used by migrations to stay idempotent).
// Parameters: none.
// Columns: label (string), properties (list of strings), types (map: property -> index kinds).
CALL db.indexes() YIELD label, properties, types
RETURN label, properties, types
