// A date inside a list of maps and inside a map's list: the store converts it at any depth.
// Parameters: $on (ISO date string).
// Columns: listed ([{on: date}]), mapped ({inner: [date, int]}).
RETURN [{on: date($on)}] AS listed, {inner: [date($on), 1]} AS mapped
