// Counts Probe nodes.  Parameters: none.  Columns: probes (int).
MATCH (p:Probe)
RETURN count(p) AS probes
