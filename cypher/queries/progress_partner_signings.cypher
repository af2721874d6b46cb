// The JCM's partnerships in the order they were signed (undated ones last), for the
// partners-over-time series of jcmProgress.
// Parameters: none.
// Columns: partnership (id), partner (country code), name (country name), signedOn (date or
//   null), basis ('stated', 'derived' or null), dataQuality.
MATCH (p:Partnership)-[:BETWEEN]->(c:Country)
WHERE c.code <> 'JP'
RETURN p.id AS partnership, c.code AS partner, c.name AS name, p.signedOn AS signedOn,
       p.signedOnBasis AS basis, p.dataQuality AS dataQuality
ORDER BY p.signedOn IS NULL, p.signedOn, p.id
