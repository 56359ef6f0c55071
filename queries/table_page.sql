-- table_page: one page of the rows of one table of the evidence base, in the order the views show them (the API).
-- params: $table_name (a table listed by schema_tables), $size (an integer, 1 to 5000: rows per page),
--         $offset (an integer, 0 or more: rows to skip)
-- columns: the table's own columns
SELECT * FROM query_table($table_name) LIMIT $size OFFSET $offset;
