// Creates one Probe node and returns nothing.  Parameters: $item (int).  Columns: none.
CREATE (:Probe {item: $item})
