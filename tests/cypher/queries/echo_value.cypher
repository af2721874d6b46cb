// Returns its parameter unchanged: checks that every parameter type survives a round trip.
// Parameters: $value (any).  Columns: value.
RETURN $value AS value
