// Numbered rows with a null, a list, a date and a map among their values, sorted and paged:
// what the packed and the plain reads must return alike (tests/cypher/test_packed_rows.py).
// Parameters: $to (int), $limit (int).
// Columns: n (int), label (string), odd ([n, 'odd'] or null), on (date), meta (map).
UNWIND range(1, $to) AS i
WITH i, date('2016-05-13') AS day
RETURN i AS n, toString(i) AS label, CASE WHEN i % 2 = 1 THEN [i, 'odd'] END AS odd,
       day AS on, {half: i / 2, `with-dash`: true} AS meta
ORDER BY
  n DESC
SKIP 2
LIMIT $limit
