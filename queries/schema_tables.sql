-- schema_tables: the tables of the evidence base, in creation order (parents before children).
-- params: none
-- columns: table_name, comment
SELECT table_name, comment
FROM duckdb_tables()
WHERE NOT internal AND schema_name = 'main'
ORDER BY table_oid;
