// Creates one Probe node.  Parameters: $item (int).  Columns: item (int).
CREATE (p:Probe {item: $item})
RETURN p.item AS item
