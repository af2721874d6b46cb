// How many projects are at each stage of the JCM cycle, and how many of those rest on an
// official source (dataQuality OFFICIAL).
// Parameters: none.
// Columns: status, projects (int), official (int).
MATCH (n:Project)
RETURN n.status AS status, count(n) AS projects,
       sum(CASE WHEN n.dataQuality = 'OFFICIAL' THEN 1 ELSE 0 END) AS official
ORDER BY status
