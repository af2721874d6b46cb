// The HELD blocks a move by quantity takes from an account, oldest units first (by series, then
// first unit): only as many as cover $quantity, read from at most $limit blocks. `taken` is
// [blocks taken, their units], which stops growing once the units cover the quantity.
// Neo4j reads them from the (holder, status, series, first) index in that order, so planning a
// move costs the same from an account of ten blocks as from one of a hundred thousand. The
// STARTS WITH makes the series part of the index seek whether or not $series is given; the
// equality then drops series that merely start with it. The hint keeps that plan whatever the
// statistics say (on a small graph the planner would take the status index and sort); it
// needs a predicate on every property of the index, hence `first IS NOT NULL` (always true).
// (blocks_to_move_by_quantity.cypher, for FalkorDB, sorts the account's blocks.)
// Parameters: $account (string), $series (string or null), $quantity (int), $limit (int),
//   $fetch ($limit + 1).
// Columns: blocks (list of CreditBlock maps, in order), units (int: the units of those blocks;
//   fewer than $quantity when the first $limit blocks do not cover it), more (bool: the account
//   holds more than $limit such blocks).
MATCH (b:CreditBlock)
USING INDEX b:CreditBlock(holder, status, series, first)
WHERE b.holder = $account AND b.status = 'HELD'
  AND b.series STARTS WITH coalesce($series, '') AND b.first IS NOT NULL
  AND ($series IS NULL OR b.series = $series)
WITH b
ORDER BY b.holder, b.status, b.series, b.first
LIMIT $fetch
WITH collect(b) AS listed
WITH listed[0..$limit] AS held, size(listed) > $limit AS more
WITH held, more, reduce(taken = [0, 0], x IN held |
  CASE WHEN taken[1] >= $quantity THEN taken ELSE [taken[0] + 1, taken[1] + x.quantity] END
) AS taken
RETURN [x IN held[0..taken[0]] | x {.*}] AS blocks, taken[1] AS units, more
