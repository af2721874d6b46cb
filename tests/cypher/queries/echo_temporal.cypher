// A local date-time and a local time, as the database returns them.
// Parameters: $at (ISO date-time string), $time (ISO time string).
// Columns: at (date-time), time (time).
RETURN localdatetime($at) AS at, localtime($time) AS time
