// The graph's version: it changes with every write (see bump_graph_version.cypher).
// Parameters: none.  Columns: epoch (string or null), n (int).
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN v.epoch AS epoch, coalesce(v.n, 0) AS n
