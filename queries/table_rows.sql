-- table_rows: every row of one table of the evidence base, for browsing and download.
-- params: $table_name (a table listed by schema_tables)
-- columns: the table's own columns
SELECT * FROM query_table($table_name);
