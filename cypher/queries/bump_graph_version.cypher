// Moves the graph's version on after a write, so that cached responses of the API stop
// matching. The epoch is new whenever the version node is (a graph emptied and loaded again
// never reuses a version).
// Parameters: $epoch (string, a fresh random id).  Columns: epoch (string), n (int).
MERGE (v:GraphVersion {id: 'graph'})
ON CREATE SET v.epoch = $epoch, v.n = 0
SET v.n = v.n + 1
RETURN v.epoch AS epoch, v.n AS n
