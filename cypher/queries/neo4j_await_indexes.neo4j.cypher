// Waits until every index is online (new indexes fill in the background).
// Parameters: seconds (int, the longest wait).  Columns: none.
CALL db.awaitIndexes($seconds)
