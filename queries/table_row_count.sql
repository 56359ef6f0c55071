-- table_row_count: how many rows one table holds.
-- params: $table_name
-- columns: row_count
SELECT count(*) AS row_count FROM query_table($table_name);
