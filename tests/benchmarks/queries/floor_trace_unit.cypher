// Benchmark floor: what the traceCredit case selects of one unit, in one query: where it
// comes from, every transaction that moved it (accounts and their registries, which tell an
// international transfer, the owner of the receiving one, the corresponding adjustments),
// and the blocks it lies in.
// Parameters: $series (string), $unit (int).
// Columns: dataQuality, issuance, verification, tpe, project, hostCountry (string or null),
//   authorizations, lineage (lists of ids), history (list of maps).
MATCH (s:Series {id: $series})
OPTIONAL MATCH (s)-[:ISSUED_UNDER]->(i:Issuance)
OPTIONAL MATCH (i)-[:FOR]->(v:Verification)
OPTIONAL MATCH (v)-[:BY]->(tpe:Organization)
OPTIONAL MATCH (i)-[named:OF]->(p:Project)
WHERE named.shared IS NULL
OPTIONAL MATCH (p)-[:HOSTED_IN]->(c:Country)
WITH s, i, v, tpe, p, c, [(p)<-[:COVERS]-(a:Authorization) | a.id] AS authorizations
CALL {
  WITH s
  MATCH (t:Transaction)
  WHERE t.series = $series AND t.first <= $unit AND t.last >= $unit
  OPTIONAL MATCH (t)-[:FROM]->(fa:Account)
  OPTIONAL MATCH (t)-[:TO]->(ta:Account)
  OPTIONAL MATCH (ta)-[:OWNED_BY]->(owner)
  WITH t, fa, ta, owner
  ORDER BY t.seq
  RETURN collect({seq: t.seq, on: t.on, kind: t.kind, firstTransfer: t.firstTransfer,
    from: fa.id, fromRegistry: fa.registry, to: ta.id, toKind: ta.kind,
    owner: coalesce(owner.name, owner.code), registry: ta.registry,
    adjustments: [(t)<-[:FOR]-(ca:CorrespondingAdjustment) | ca.id]}) AS history
}
CALL {
  WITH s
  MATCH (b:CreditBlock)
  WHERE b.series = $series AND b.first <= $unit AND b.last >= $unit
  WITH b
  ORDER BY b.quantity DESC, b.first
  RETURN collect(b.id) AS lineage
}
RETURN s.dataQuality AS dataQuality, i.id AS issuance, v.id AS verification, tpe.id AS tpe,
       p.ref AS project, c.code AS hostCountry, authorizations, history, lineage
