// For a batch of CorrespondingAdjustment nodes: the party applying each corresponding adjustment.
// Parameters: $keys (list of CorrespondingAdjustment.id).
// Columns: key (the CorrespondingAdjustment.id asked for), node (map of the Country), rel (map of the relationship).
UNWIND $keys AS key
MATCH (a:CorrespondingAdjustment {id: key})-[r:BY]->(b:Country)
RETURN key, b {.*} AS node, r {.*} AS rel
ORDER BY key, b.code
