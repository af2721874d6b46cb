// Creates or updates Decision nodes by their key `id` and links each to its Sources.
// Parameters: $rows (list of {key, props, sources (list of Source ids)}); props hold all properties, dates as ISO strings.
// Columns: created (int), updated (int): how many rows made a new node / changed an existing one.
UNWIND $rows AS row
OPTIONAL MATCH (old:Decision {id: row.key})
WITH row, old IS NULL AS isNew, CASE WHEN old IS NULL THEN null ELSE old {.*} END AS before
MERGE (n:Decision {id: row.key})
SET n = row.props,
    n.decidedOn = date(row.props.decidedOn)
FOREACH (sid IN row.sources | MERGE (s:Source {id: sid}) MERGE (n)-[:SOURCED_FROM]->(s))
WITH isNew, before, n {.*} AS after
RETURN count(CASE WHEN isNew THEN 1 END) AS created,
       count(CASE WHEN NOT isNew AND before <> after THEN 1 END) AS updated
