// Test only: overwrites an issuance's stated GoJ share.
// Parameters: $id (string), $share (int).  Columns: id.
MATCH (i:Issuance {id: $id})
SET i.japanGovernmentShare = $share
RETURN i.id AS id
