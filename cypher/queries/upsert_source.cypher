// Creates or updates Source nodes by their key `id`.
// Parameters: $rows (list of {key, props}); props hold all properties, dates as ISO strings.
// Columns: created (int), updated (int): how many rows made a new node / changed an existing one.
UNWIND $rows AS row
OPTIONAL MATCH (old:Source {id: row.key})
WITH row, old IS NULL AS isNew, CASE WHEN old IS NULL THEN null ELSE old {.*} END AS before
MERGE (n:Source {id: row.key})
SET n = row.props,
    n.publishedOn = date(row.props.publishedOn)
WITH isNew, before, n {.*} AS after
RETURN count(CASE WHEN isNew THEN 1 END) AS created,
       count(CASE WHEN NOT isNew AND before <> after THEN 1 END) AS updated
