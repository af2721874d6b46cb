// Test only: every credit block's id and recorded holder.
// Parameters: none.  Columns: id (string), holder (string or null).
MATCH (b:CreditBlock)
RETURN b.id AS id, b.holder AS holder
ORDER BY id
