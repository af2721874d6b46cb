// Ledger values no registry can have recorded: series and transactions with a quantity below 1
// or above the largest issuance the API accepts, dates outside the window the graph keeps, and
// transactions dated before their series was issued. Dates are compared as ISO text, which
// orders correctly on both stores whatever the distance between them.
// Parameters: $seriesPrefix (string, '' for all), $maxUnits (int), $minDate, $maxDate (ISO).
// Columns: id (series or transaction id), kind ('series' or 'transaction'), series,
//   quantity (int), on (ISO date or null), issuedOn (ISO date or null).
CALL {
  MATCH (s:Series)
  WHERE s.id STARTS WITH $seriesPrefix
    AND (s.quantity < 1 OR s.quantity > $maxUnits
         OR toString(s.issuedOn) < $minDate OR toString(s.issuedOn) > $maxDate)
  RETURN s.id AS id, 'series' AS kind, s.id AS series, s.quantity AS quantity,
         toString(s.issuedOn) AS on, toString(s.issuedOn) AS issuedOn
  UNION ALL
  MATCH (s:Series)
  WHERE s.id STARTS WITH $seriesPrefix
  MATCH (t:Transaction)
  WHERE t.series = s.id
    AND (t.quantity < 1 OR t.quantity > $maxUnits
         OR toString(t.on) < $minDate OR toString(t.on) > $maxDate
         OR toString(t.on) < toString(s.issuedOn))
  RETURN t.id AS id, 'transaction' AS kind, s.id AS series, t.quantity AS quantity,
         toString(t.on) AS on, toString(s.issuedOn) AS issuedOn
}
RETURN id, kind, series, quantity, on, issuedOn
ORDER BY id
