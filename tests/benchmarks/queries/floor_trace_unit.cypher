// Benchmark floor: what the traceCredit case selects of one unit, in one query: where it
// comes from, every transaction that moved it (accounts and their registries, which tell an
// international transfer, the owner of the receiving one, the corresponding adjustments),
// the blocks it lies in and which of them still stand, and what the case's `gaps` and
// `dataQuality` are worked out from (the monitoring period, the decision's date, whether the
// project names a methodology, participants and funding; the quality of each step).
// Parameters: $series (string), $unit (int).
// Columns: dataQuality, issuanceQuality, projectQuality, issuance, decidedOn, verification,
//   monitoringPeriod, tpe, project, hostCountry (string or null), methodologies,
//   participants, funding (booleans), authorizations (list of ids), history, lineage (lists
//   of maps).
MATCH (s:Series {id: $series})
OPTIONAL MATCH (s)-[:ISSUED_UNDER]->(i:Issuance)
OPTIONAL MATCH (i)-[:FOR]->(v:Verification)
OPTIONAL MATCH (v)-[:BY]->(tpe:Organization)
OPTIONAL MATCH (i)-[:COVERS]->(mp:MonitoringPeriod)
OPTIONAL MATCH (i)-[named:OF]->(p:Project)
WHERE named.shared IS NULL
OPTIONAL MATCH (p)-[:HOSTED_IN]->(c:Country)
WITH s, i, v, tpe, mp, p, c,
     [(p)<-[:COVERS]-(a:Authorization) | a.id] AS authorizations,
     size([(p)-[:APPLIES]->(m:Methodology) | m.id]) > 0 AS methodologies,
     size([(p)<-[:PARTICIPATES_IN]-(o:Organization) | o.id]) > 0 AS participants,
     size([(p)-[:FUNDED_BY]->(g:FundingProgramme) | g.id]) > 0 AS funding
CALL {
  WITH s
  MATCH (t:Transaction)
  WHERE t.series = $series AND t.first <= $unit AND t.last >= $unit
  OPTIONAL MATCH (t)-[:FROM]->(fa:Account)
  OPTIONAL MATCH (t)-[:TO]->(ta:Account)
  OPTIONAL MATCH (ta)-[:OWNED_BY]->(owner)
  WITH t, fa, ta, owner
  ORDER BY t.seq
  RETURN collect({seq: t.seq, id: t.id, on: t.on, kind: t.kind, firstTransfer: t.firstTransfer,
    dataQuality: t.dataQuality, from: fa.id, fromRegistry: fa.registry, to: ta.id,
    toKind: ta.kind, owner: coalesce(owner.name, owner.code), registry: ta.registry,
    adjustments: [(t)<-[:FOR]-(ca:CorrespondingAdjustment) | ca.id]}) AS history
}
CALL {
  WITH s
  MATCH (b:CreditBlock)
  WHERE b.series = $series AND b.first <= $unit AND b.last >= $unit
  WITH b
  ORDER BY b.quantity DESC, b.first
  RETURN collect({id: b.id, status: b.status}) AS lineage
}
RETURN s.dataQuality AS dataQuality, i.dataQuality AS issuanceQuality,
       p.dataQuality AS projectQuality, i.id AS issuance, i.decidedOn AS decidedOn,
       v.id AS verification, mp.id AS monitoringPeriod, tpe.id AS tpe, p.ref AS project,
       c.code AS hostCountry, methodologies, participants, funding, authorizations, history,
       lineage
