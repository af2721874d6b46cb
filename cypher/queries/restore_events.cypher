// Puts audit events back from a backup (a second run changes nothing).
// Parameters: $rows (list of maps of Event properties, each with its seq).
// Columns: restored (int).
UNWIND $rows AS row
MERGE (e:Event {seq: row.seq})
SET e += row
RETURN count(e) AS restored
