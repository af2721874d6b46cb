// Paths of exactly N hops between two entities over the domain relationships (not sources,
// audit or per-block ledger links). cypher/paths.py fills the two labels and key properties
// (from the node-key whitelist) and the hop count (1 to 6) into the marked places.
// Parameters: $from, $to (the two nodes' keys), $limit (int).
// Columns: nodes (list of {label, key, name}), rels (list of relationship types), hops (int).
MATCH (a:Project {ref: $from})
MATCH (b:Country {code: $to})
MATCH p = (a)-[:BETWEEN|HOSTED_IN|UNDER|APPLIES|APPROVED_UNDER|USES|IN_SECTOR|PARTICIPATES_IN|FUNDED_BY|ADMINISTERED_BY|DESIGNATED_AS_TPE|BASED_IN|OF|BY|COVERS|OWNED_BY|ISSUED_UNDER*1..1]-(b)
RETURN [n IN nodes(p) | {label: labels(n)[0], key: coalesce(n.ref, n.code, n.id),
                         name: coalesce(n.title, n.name, n.id, n.code)}] AS nodes,
       [r IN relationships(p) | type(r)] AS rels, length(p) AS hops
LIMIT $limit
