// Creates one Probe node per item, then divides by zero on the item 0: the whole statement
// must roll back.  Parameters: $items (list of int).  Columns: ratio (float).
UNWIND $items AS item
CREATE (:Probe {item: item})
WITH item
RETURN 10 / item AS ratio
