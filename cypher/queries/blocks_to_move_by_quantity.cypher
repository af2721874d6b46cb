// The HELD blocks a move by quantity takes from an account, oldest units first (by series, then
// first unit): only as many as cover $quantity, read from at most $limit blocks. `taken` is
// [blocks taken, their units], which stops growing once the units cover the quantity.
// FalkorDB finds the blocks by their holder's index and sorts them. (Walking HELD_IN from the
// account with a status filter made it scan the status index instead: every HELD block of
// every account, 41 ms for an account of one block among 114,404.) Neo4j reads them in order:
// blocks_to_move_by_quantity.neo4j.cypher.
// Parameters: $account (string), $series (string or null), $quantity (int), $limit (int),
//   $fetch ($limit + 1).
// Columns: blocks (list of CreditBlock maps, in order), units (int: the units of those blocks;
//   fewer than $quantity when the first $limit blocks do not cover it), more (bool: the account
//   holds more than $limit such blocks).
MATCH (b:CreditBlock)
WHERE b.holder = $account AND b.status = 'HELD' AND ($series IS NULL OR b.series = $series)
WITH b
ORDER BY b.series, b.first
LIMIT $fetch
WITH collect(b) AS listed
WITH listed[0..$limit] AS held, size(listed) > $limit AS more
WITH held, more, reduce(taken = [0, 0], x IN held |
  CASE WHEN taken[1] >= $quantity THEN taken ELSE [taken[0] + 1, taken[1] + x.quantity] END
) AS taken
RETURN [x IN held[0..taken[0]] | x {.*}] AS blocks, taken[1] AS units, more
