// Nodes that break the provenance rule: no Source linked, or no valid dataQuality (Source and
// Event nodes and the graph's version node excepted). Parameters: $limit (int).
// Columns: label (string), node (map of its properties), missing ('source' or 'dataQuality').
MATCH (n)
WHERE NOT n:Source AND NOT n:Event AND NOT n:GraphVersion
WITH n, size([(n)-[:SOURCED_FROM]->(s:Source) | s.id]) AS sourceCount
WHERE sourceCount = 0 OR n.dataQuality IS NULL
   OR NOT n.dataQuality IN ['OFFICIAL', 'SECONDARY', 'ILLUSTRATIVE']
RETURN labels(n)[0] AS label, n {.*} AS node,
       CASE WHEN sourceCount = 0 THEN 'source' ELSE 'dataQuality' END AS missing
LIMIT $limit
