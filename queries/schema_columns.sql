-- schema_columns: every column of every table, with its declared type, nullability and description.
-- params: none
-- columns: table_name, column_name, column_index, data_type, is_nullable, comment
SELECT c.table_name, c.column_name, c.column_index, c.data_type, c.is_nullable, c.comment
FROM duckdb_columns() AS c
JOIN duckdb_tables() AS t USING (table_oid)
WHERE NOT c.internal AND c.schema_name = 'main'
ORDER BY t.table_oid, c.column_index;
