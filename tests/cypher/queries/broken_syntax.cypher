// A query with a syntax error, for the store's error handling tests (lint: expect-error).
// Parameters: none.  Columns: none (it never runs).
MATCH (n RETURN n
