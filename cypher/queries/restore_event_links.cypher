// Links restored events to what they affected. The label and key property of the affected
// nodes are filled in from the schema's key table by seed/dump_loader.py (Transaction, id
// here as written).
// Parameters: $rows (list of {seq: int, key: string}).  Columns: linked (int).
UNWIND $rows AS row
MATCH (e:Event {seq: row.seq})
MATCH (x:Transaction {id: row.key})
MERGE (e)-[r:AFFECTED]->(x)
RETURN count(r) AS linked
